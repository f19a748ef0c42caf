using CyberNormPortal.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.ToTable("OutgoingMail");
        builder.Property(m => m.To).HasMaxLength(FieldLengths.MailRecipients).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(300).IsRequired();
        builder.Property(m => m.Language).HasMaxLength(FieldLengths.LanguageTag).IsRequired().HasDefaultValue("en");
        builder.Property(m => m.LastError).HasMaxLength(1000);

        // The sender's queue: only messages still due are indexed.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("\"NextAttemptAt\" IS NOT NULL");
    }
}
