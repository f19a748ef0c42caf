using CyberNormPortal.Web.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(FieldLengths.UserId);
        builder.Property(a => a.ActorName).HasMaxLength(FieldLengths.PersonName).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(60).IsRequired();
        builder.Property(a => a.Subject).HasMaxLength(FieldLengths.AuditSubject);
        builder.Property(a => a.Details).HasMaxLength(FieldLengths.AuditDetails);
        builder.Property(a => a.IpAddress).HasMaxLength(64);

        // The audit page filters by user, action and date, newest first.
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasIndex(a => new { a.Action, a.At });
        builder.HasIndex(a => a.Subject);
    }
}
