namespace Klimrek.Features.Esco;

/// <summary>The ESCO classification: reading an official CSV pack and importing it (CLI and first start).</summary>
public static class EscoModule
{
    public static IServiceCollection AddEsco(this IServiceCollection services)
    {
        services.AddScoped<EscoImporter>();
        return services;
    }
}
