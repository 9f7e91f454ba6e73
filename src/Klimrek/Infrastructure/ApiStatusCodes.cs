using Microsoft.AspNetCore.Diagnostics;

namespace Klimrek.Infrastructure;

/// <summary>ProblemDetails bodies for bare API status codes (401, 403, 404, 405 …).</summary>
public static class ApiStatusCodes
{
    public static bool IsApi(HttpContext http) => IsApi(http.Request.Path);

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = http.Response.StatusCode,
                Title = http.Response.StatusCode switch
                {
                    401 => "Authentication required",
                    403 => "Forbidden",
                    404 => "Not found",
                    405 => "Method not allowed",
                    429 => "Too many requests",
                    _ => "Error",
                },
            },
        });
    }
}
