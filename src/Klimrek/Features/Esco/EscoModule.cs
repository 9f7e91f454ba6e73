namespace Klimrek.Features.Esco;

/// <summary>
/// The ESCO classification: reading an official CSV pack and importing it (CLI and first start), and the one in-memory
/// catalogue every feature reads (<see cref="EscoCatalogue"/>; public interface with <see cref="CatalogueSnapshot"/>).
/// </summary>
public static class EscoModule
{
    public static IServiceCollection AddEsco(this IServiceCollection services)
    {
        services.AddScoped<EscoImporter>();
        services.AddSingleton<EscoCatalogue>();
        services.AddOutputCache(o =>
        {
            o.AddPolicy(CatalogueOutputCache.Policy, b => b.VaryByCatalogue());
            o.AddPolicy(CatalogueOutputCache.ApiPolicy, b => b.AddPolicy<CatalogueOutputCache.PublicResponse>().VaryByCatalogue(), excludeDefaultPolicy: true);
        });
        return services;
    }
}
