using Klimrek.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using System.Data.Common;

namespace Klimrek.Tests;

/// <summary>What the database does to the app under test: works, is unreachable, or fails in an unexpected way.</summary>
public sealed class Faults
{
    public enum Mode { None, Unreachable, Defect }

    private volatile Mode _current = Mode.None;
    private int _failNext;

    public Mode Current
    {
        get => _current;
        set => _current = value;
    }

    /// <summary>Sets a fault for the duration of the returned scope.</summary>
    public IDisposable Inject(Mode mode)
    {
        Current = mode;
        return new Reset(this);
    }

    /// <summary>A transient failure: the next <paramref name="count"/> connections fail as if unreachable, later ones work.</summary>
    public void FailNextConnections(int count) => Volatile.Write(ref _failNext, count);

    /// <summary>Whether this connection is one of those to fail (counts it down).</summary>
    internal bool TakeTransientFailure() => Volatile.Read(ref _failNext) > 0 && Interlocked.Decrement(ref _failNext) >= 0;

    private sealed class Reset(Faults faults) : IDisposable
    {
        public void Dispose()
        {
            faults.Current = Mode.None;
            faults.FailNextConnections(0);
        }
    }
}

/// <summary>
/// Fails every connection the app opens while a fault is set, with the exception the real driver throws when its
/// database cannot be reached (produced by really trying: a closed port for PostgreSQL, a missing folder for SQLite).
/// </summary>
public sealed class FaultInterceptor(Faults faults, DatabaseProvider provider) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Fail();
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Fail();
        return ValueTask.FromResult(result);
    }

    private void Fail()
    {
        if (faults.TakeTransientFailure()) throw RealUnreachable(provider);
        switch (faults.Current)
        {
            case Faults.Mode.Unreachable:
                throw RealUnreachable(provider);
            case Faults.Mode.Defect:
                throw new InvalidOperationException("A defect in the code under test (injected).");
        }
    }

    private static Exception RealUnreachable(DatabaseProvider provider)
    {
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                using var c = new NpgsqlConnection("Host=127.0.0.1;Port=1;Username=x;Password=x;Timeout=2;Pooling=false");
                c.Open();
            }
            else
            {
                using var c = new SqliteConnection($"Data Source={Path.Combine(Path.GetTempPath(), "klimrek-no-such-folder-" + Guid.NewGuid().ToString("N"), "x.db")};Mode=ReadWrite");
                c.Open();
            }
        }
        catch (DbException e)
        {
            return e;
        }
        throw new InvalidOperationException("Expected the connection to fail.");
    }
}
