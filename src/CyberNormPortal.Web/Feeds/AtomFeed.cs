using System.Globalization;
using System.Text;
using System.Xml;

namespace CyberNormPortal.Web.Feeds;

public sealed record AtomEntry(string Id, string Title, DateTimeOffset Updated, string Author, string Summary, string Link);

public sealed record AtomFeed(string Id, string Title, string SelfLink, string AlternateLink, IReadOnlyList<AtomEntry> Entries)
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>
    /// The feed as Atom (RFC 4287) bytes. Every piece of user text goes through <see cref="XmlWriter"/> as text, so
    /// markup in a title is escaped, never interpreted; characters XML cannot carry are dropped.
    /// </summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteElementString("id", Namespace, Id);
            WriteText(xml, "title", Title);
            // An empty feed has no newest entry: a fixed date keeps its ETag stable.
            xml.WriteElementString("updated", Namespace, Timestamp(Entries.Count > 0 ? Entries.Max(e => e.Updated) : DateTimeOffset.UnixEpoch));
            WriteLink(xml, "self", "application/atom+xml", SelfLink);
            WriteLink(xml, "alternate", "text/html", AlternateLink);
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, "CyberNormPortal");
            xml.WriteEndElement();
            xml.WriteElementString("generator", Namespace, "CyberNormPortal");
            foreach (var entry in Entries)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, entry.Id);
                WriteText(xml, "title", entry.Title);
                xml.WriteElementString("updated", Namespace, Timestamp(entry.Updated));
                xml.WriteElementString("published", Namespace, Timestamp(entry.Updated));
                xml.WriteStartElement("author", Namespace);
                xml.WriteElementString("name", Namespace, Clean(entry.Author));
                xml.WriteEndElement();
                WriteText(xml, "summary", entry.Summary);
                WriteLink(xml, "alternate", "text/html", entry.Link);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteText(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name, Namespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(Clean(text));
        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Clean(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : string.Concat(text.Where(XmlConvert.IsXmlChar));
}
