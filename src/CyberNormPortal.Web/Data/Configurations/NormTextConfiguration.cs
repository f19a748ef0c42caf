using CyberNormPortal.Domain.Norms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

/// <summary><c>NormTexts</c>: a norm's official text per language, one row per (norm, language).</summary>
internal sealed class NormTextConfiguration : IEntityTypeConfiguration<NormText>
{
    public const string TableName = "NormTexts";

    public void Configure(EntityTypeBuilder<NormText> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(t => new { t.NormNumber, t.Language });
        builder.Property(t => t.Language).HasMaxLength(FieldLengths.LanguageTag);
        builder.Property(t => t.Text).HasMaxLength(NormText.MaxTextLength).IsRequired();
        builder.Property(t => t.Source).HasMaxLength(NormText.MaxSourceLength).IsRequired();
        builder.Property(t => t.EnteredBy).HasMaxLength(450);
        builder.HasOne<Norm>().WithMany().HasForeignKey(t => t.NormNumber).OnDelete(DeleteBehavior.Cascade);
    }
}
