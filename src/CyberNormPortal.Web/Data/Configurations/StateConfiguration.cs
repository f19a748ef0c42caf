using CyberNormPortal.Domain.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

internal sealed class StateConfiguration : IEntityTypeConfiguration<State>
{
    public void Configure(EntityTypeBuilder<State> builder)
    {
        builder.HasKey(s => s.Iso3);
        builder.Property(s => s.Iso3).HasMaxLength(FieldLengths.Iso3).IsFixedLength();
        builder.Property(s => s.Name).HasMaxLength(FieldLengths.StateName).IsRequired();
        builder.HasIndex(s => s.RegionalGroup);
        builder.HasIndex(s => s.Name).IsUnique();
    }
}
