using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Data;

/// <summary>
/// A unit of work with a transaction of its own under the retrying execution strategy: its reads, writes and commit
/// are tried again as a whole after a transient failure (PostgreSQL restarting, a connection dropped).
/// </summary>
public static class RetryingUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="operation"/> in a transaction and commits it, retrying the whole unit on a transient failure.
    /// A retry starts from an empty change tracker, so the operation reloads what it changes and nothing half-saved by
    /// the failed attempt is written twice. When the commit itself fails, the outcome is unknown (the server may have
    /// committed before the connection broke): <paramref name="verifySucceeded"/> then asks the database whether this
    /// attempt's writes are there, and if so the first attempt's result is returned instead of applying them again.
    /// </summary>
    public static Task<T> InRetriedTransactionAsync<T>(
        this PortalDbContext db,
        Func<CancellationToken, Task<T>> operation,
        Func<CancellationToken, Task<bool>> verifySucceeded,
        CancellationToken cancellationToken)
    {
        var attempts = 0;
        return db.Database.CreateExecutionStrategy().ExecuteInTransactionAsync(
            async token =>
            {
                if (attempts++ > 0)
                {
                    db.ChangeTracker.Clear();
                }

                return await operation(token);
            },
            verifySucceeded,
            cancellationToken);
    }
}
