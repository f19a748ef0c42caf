using CyberNormPortal.Domain.Norms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

internal sealed class NormConfiguration : IEntityTypeConfiguration<Norm>
{
    public void Configure(EntityTypeBuilder<Norm> builder)
    {
        builder.HasKey(n => n.Number);
        builder.Property(n => n.Number).ValueGeneratedNever();
        builder.Ignore(n => n.GgeReference);
        builder.Property(n => n.ShortTitle).HasMaxLength(120).IsRequired();
        builder.Property(n => n.FullText).HasMaxLength(2000).IsRequired();
        builder.Property(n => n.SourceDocument).HasMaxLength(300).IsRequired();
        builder.ToTable(t => t.HasCheckConstraint("CK_Norms_Number", $"\"Number\" BETWEEN 1 AND {Norm.Count}"));
    }
}
