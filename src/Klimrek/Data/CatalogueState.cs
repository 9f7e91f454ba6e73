using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Klimrek.Data;

/// <summary>
/// One row: the version of the ESCO catalogue and the curated beroepsbeelden, bumped in the same transaction as every
/// import and curated change. Every app instance sharing the database reads it every few seconds to know when its
/// in-memory catalogue and read-model caches are out of date.
/// </summary>
public class CatalogueState
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public long Version { get; set; }
}

internal sealed class CatalogueStateConfiguration : IEntityTypeConfiguration<CatalogueState>
{
    public void Configure(EntityTypeBuilder<CatalogueState> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new CatalogueState { Id = CatalogueState.SingletonId, Version = 1 });
    }
}
