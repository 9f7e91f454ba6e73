using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using System.Data.Common;
using System.Net.Sockets;

namespace Klimrek.Infrastructure.Errors;

/// <summary>What kind of failure an exception is, for the status code it gets.</summary>
public static class Failure
{
    /// <summary>The HTTP status for an exception that escaped a handler.</summary>
    public static int StatusOf(Exception e) => e switch
    {
        ProblemException p => p.Status,
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        _ when IsDatabaseUnavailable(e) => StatusCodes.Status503ServiceUnavailable,
        _ when IsDuplicate(e) => StatusCodes.Status409Conflict,
        Microsoft.AspNetCore.Http.BadHttpRequestException b => b.StatusCode,
        OperationCanceledException => 499,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The database could not be reached or refused work for now (connection lost, shutting down, busy).</summary>
    public static bool IsDatabaseUnavailable(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case SocketException or TimeoutException:
                    return true;
                case Npgsql.PostgresException pg:
                    // 08: connection exceptions; 57P01-57P03: shutdown, crash shutdown, cannot connect now; 53300: too many connections.
                    if (pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState == "53300")
                        return true;
                    break;
                case Npgsql.NpgsqlException np when np.IsTransient:
                    return true;
                case Microsoft.Data.Sqlite.SqliteException sq when sq.SqliteErrorCode is 5 or 6 or 14: // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN
                    return true;
                case DbException db when db.IsTransient:
                    return true;
            }
        }
        return false;
    }

    /// <summary>A unique constraint refused a second copy of the same thing (a double submission).</summary>
    public static bool IsDuplicate(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is Npgsql.PostgresException { SqlState: "23505" }) return true;
            if (x is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }) return true;
        }
        return false;
    }
}

/// <summary>
/// Turns every exception that escapes an API endpoint into ProblemDetails: a <see cref="ProblemException"/> with its
/// status and localised messages, a concurrency or duplicate conflict as 409, an unreachable database as 503 with
/// Retry-After, anything else as 500 — never HTML, never an empty 400. For pages it only makes the error page's
/// re-execution a GET, so that a failed form POST is never re-run there.
/// </summary>
public sealed class KlimrekExceptionHandler(IStringLocalizer<SharedResource> localizer,
    ILogger<KlimrekExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = Failure.StatusOf(exception);
        // By now the request path is the error page's; the original one is on the feature.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? "";
        if (status >= 500) logger.LogError(exception, "Request {Method} {Path} failed with {Status}", httpContext.Request.Method, path, status);
        if (!ApiStatusCodes.IsApi(path))
        {
            httpContext.Request.Method = HttpMethods.Get;
            httpContext.Request.ContentLength = 0;
            return false;
        }
        if (httpContext.Response.HasStarted) return false;

        httpContext.Response.StatusCode = status;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails();
        details.Status = status;
        switch (exception)
        {
            case ProblemException p:
                details.Title = Text(p.Title);
                if (p.Fields.Count > 0)
                    details.Extensions["errors"] = p.Fields.ToDictionary(f => f.Key, f => f.Value.Select(Text).ToArray());
                break;
            default:
                details.Title = status switch
                {
                    409 => localizer["Iemand anders heeft dit intussen gewijzigd, of het bestond al. Laad het opnieuw en probeer het nog eens."].Value,
                    503 => localizer["De database is even niet bereikbaar. Probeer het over een halve minuut opnieuw."].Value,
                    499 => "Request cancelled",
                    _ => localizer["Er ging iets mis aan onze kant. Probeer het opnieuw; lukt het dan nog niet, meld het bij de beheerder."].Value,
                };
                break;
        }
        if (status == 503) httpContext.Response.Headers.RetryAfter = "30";
        // The result writes through the ProblemDetails service and falls back to plain JSON whatever the Accept header says.
        await TypedResults.Problem(details).ExecuteAsync(httpContext);
        return true;
    }

    private string Text(Message m) => m.Args.Length == 0 ? localizer[m.Key].Value : localizer[m.Key, m.Args].Value;
}
