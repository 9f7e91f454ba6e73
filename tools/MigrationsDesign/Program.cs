Console.WriteLine("Design-time host for dotnet ef; see tools/add-migration.");
