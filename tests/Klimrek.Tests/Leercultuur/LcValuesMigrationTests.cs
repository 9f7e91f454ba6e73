using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Klimrek.Tests.Leercultuur;

/// <summary>
/// The migration that adds a response's packed values (<see cref="ScanValues"/>) fills them for responses stored before
/// it, from their answer records, in the statements' position order.
/// </summary>
public abstract class LcValuesMigrationTests(KlimrekApp app)
{
    [Fact]
    public async Task Responses_stored_before_get_their_answers_packed_in_position_order()
    {
        var (options, drop) = await MigrationDatabase.EmptyAsync(app);
        try
        {
            await using (var db = MigrationDatabase.Context(app, options))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var values = migrations.FindIndex(m => m.EndsWith("_ScanResponseValues", StringComparison.Ordinal));
                Assert.True(values > 0);
                await db.GetService<IMigrator>().MigrateAsync(migrations[values - 1]);
                // Three statements whose positions are not their ids' order, an open question between them; one response
                // answers all three (one "weet ik niet"), one only the last, one nothing; and a round of another instrument.
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "ScanInstruments" ("Id", "Number", "CreatedAt", "Note") VALUES (1, 1, '2026-01-01 00:00:00', 'een'), (2, 2, '2026-01-01 00:00:00', 'twee');
                    INSERT INTO "ScanItems" ("Id", "InstrumentId", "Key", "Block", "Kind", "Position", "TextNl", "TextEn", "MultipleChoice", "Fingerprint") VALUES
                      (11, 1, 'b1.c', 1, 1, 3, 'C', 'C', FALSE, 'c'),
                      (12, 1, 'b1.a', 1, 1, 1, 'A', 'A', FALSE, 'a'),
                      (13, 1, 'b1.open', 1, 2, 2, 'Open', 'Open', FALSE, 'o'),
                      (14, 1, 'b1.b', 1, 1, 2, 'B', 'B', FALSE, 'b'),
                      (21, 2, 'b1.x', 1, 1, 1, 'X', 'X', FALSE, 'x');
                    INSERT INTO "Organisations" ("Id", "Name", "Kind", "CreatedAt", "Sector", "Region", "IsDemo") VALUES (1, 'Org', 1, '2026-01-01 00:00:00', NULL, NULL, FALSE);
                    INSERT INTO "ScanRounds" ("Id", "OrganisationId", "InstrumentId", "Title", "OpensOn", "ClosesOn", "CreatedAt", "IsDemo", "Version") VALUES
                      (1, 1, 1, 'Een', '2026-01-01', '2026-01-20', '2026-01-01 00:00:00', FALSE, 0),
                      (2, 1, 2, 'Twee', '2026-02-01', '2026-02-20', '2026-02-01 00:00:00', FALSE, 0);
                    INSERT INTO "ScanResponses" ("Id", "RoundId", "UnitId", "SubmittedOn") VALUES
                      ('00000000-0000-0000-0000-00000000000A', 1, NULL, '2026-01-05'),
                      ('00000000-0000-0000-0000-00000000000B', 1, NULL, '2026-01-05'),
                      ('00000000-0000-0000-0000-00000000000C', 1, NULL, '2026-01-05'),
                      ('00000000-0000-0000-0000-00000000000D', 2, NULL, '2026-02-05');
                    INSERT INTO "ScanAnswers" ("ResponseId", "ItemId", "Value") VALUES
                      ('00000000-0000-0000-0000-00000000000A', 11, 2), ('00000000-0000-0000-0000-00000000000A', 12, 5), ('00000000-0000-0000-0000-00000000000A', 14, NULL),
                      ('00000000-0000-0000-0000-00000000000B', 11, 4),
                      ('00000000-0000-0000-0000-00000000000D', 21, 1);
                    """);
                await db.Database.MigrateAsync();
            }
            await using (var db = MigrationDatabase.Context(app, options))
            {
                var rows = await db.ScanResponses.AsNoTracking().OrderBy(r => r.SubmittedOn).ToListAsync();
                var packed = rows.ToDictionary(r => r.Id.ToString()[^1..].ToUpperInvariant(), r => r.Values);
                Assert.Equal("50" + "2", packed["A"]);
                Assert.Equal("--4", packed["B"]);
                Assert.Equal("---", packed["C"]);
                Assert.Equal("1", packed["D"]);
            }
        }
        finally
        {
            await drop();
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LcValuesMigrationTestsSqlite(SqliteApp app) : LcValuesMigrationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LcValuesMigrationTestsPostgres(PostgresApp app) : LcValuesMigrationTests(app);
