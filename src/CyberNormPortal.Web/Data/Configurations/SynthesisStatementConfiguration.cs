using CyberNormPortal.Domain.Cycles;
using CyberNormPortal.Domain.Groups;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.Synthesis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

internal sealed class SynthesisStatementConfiguration : IEntityTypeConfiguration<SynthesisStatement>
{
    public void Configure(EntityTypeBuilder<SynthesisStatement> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(FieldLengths.SynthesisStatement).IsRequired();
        builder.Property(s => s.Language).HasMaxLength(FieldLengths.LanguageTag).IsRequired().HasDefaultValue("en");
        builder.OwnsMany(s => s.Translations, translations =>
        {
            translations.ToJson();
            translations.Property(x => x.Language).HasMaxLength(FieldLengths.LanguageTag);
            translations.Property(x => x.Text).HasMaxLength(FieldLengths.SynthesisStatement);
        });
        builder.HasOne<Norm>().WithMany().HasForeignKey(s => s.NormNumber).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Group>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReportingCycle>().WithMany().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Restrict);

        // One statement per norm and scope; "all groups" and "all cycles" (null) count as one scope each.
        builder.HasIndex(s => new { s.NormNumber, s.GroupId, s.CycleId }).IsUnique().AreNullsDistinct(false);
        builder.HasIndex(s => s.GroupId);
        builder.HasIndex(s => s.CycleId);
    }
}
