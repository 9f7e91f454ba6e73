using Microsoft.EntityFrameworkCore;

namespace Klimrek.Data;

/// <summary>
/// The one way to run a user-initiated transaction. PostgreSQL runs with a retrying execution strategy (a transient
/// failure — a lost connection, a restarting server — is retried, <see cref="DatabaseSetup"/>), and such a strategy
/// only accepts a transaction that it can run again whole: <see cref="InTransactionAsync{T}"/> runs
/// <c>work</c> in a transaction inside the strategy. SQLite's strategy runs it once, as before.
/// </summary>
public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it. When a transient failure rolls an attempt
    /// back, the change tracker is cleared and <paramref name="work"/> runs again from the start, so it must
    /// (re)read the entities it changes and create the rows it inserts afresh (no ids from an earlier attempt).
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this KlimrekDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var attempts = 0;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            // An earlier attempt was rolled back: what it tracked no longer matches the database.
            if (attempts++ > 0) db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var result = await work(token);
            await tx.CommitAsync(token);
            return result;
        }, ct);
    }

    /// <inheritdoc cref="InTransactionAsync{T}"/>
    public static Task InTransactionAsync(this KlimrekDbContext db, Func<CancellationToken, Task> work, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            await work(token);
            return true;
        }, ct);
}
