using CyberNormPortal.Domain.Cycles;
using CyberNormPortal.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

internal sealed class ReportingCycleConfiguration : IEntityTypeConfiguration<ReportingCycle>
{
    public void Configure(EntityTypeBuilder<ReportingCycle> builder)
    {
        builder.ToTable("Cycles", t => t.HasCheckConstraint("CK_Cycles_Dates", "\"ClosesOn\" >= \"OpensOn\""));
        builder.Property(c => c.Slug).HasMaxLength(FieldLengths.CycleSlug).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(FieldLengths.CycleName).IsRequired();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasOne<Group>().WithMany().HasForeignKey(c => c.ScopeGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ScopeGroupId);

        // Cycles that existed before reminders remind on the default days.
        builder.Property(c => c.ReminderDays).HasDefaultValueSql("'{" + string.Join(',', ReportingCycle.DefaultReminderDays) + "}'::integer[]");
    }
}
