namespace CyberNormPortal.Web.Data.Seeding;

/// <summary>
/// The phrases the benchmark's generated entries are written from, in one language: "{actor} {action} {object}
/// {detail}." sentences and a closing "reports on norm {0} for {1}." The benchmark's searches draw their words
/// from the same lists, so what is searched for is what was written (common words, rarer ones, phrases).
/// </summary>
public sealed record BenchmarkVocabulary(
    string Language,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Objects,
    IReadOnlyList<string> Details,
    string Reports)
{
    public static readonly BenchmarkVocabulary English = new(
        "en",
        ["The national CSIRT", "The cybersecurity agency", "The ministry of foreign affairs", "The telecom regulator", "The central bank", "A joint task force", "The national police cyber unit", "The data protection authority", "The energy regulator", "The ministry of justice"],
        ["coordinates", "publishes", "strengthens", "reviews", "tests", "trains staff for", "shares information on", "sets standards for", "exercises", "funds"],
        ["incident response for critical infrastructure", "vulnerability disclosure", "the protection of the power grid", "cooperation with regional CERTs", "supply-chain security of ICT products", "confidence-building measures", "cybercrime investigations", "privacy safeguards online", "crisis management exercises", "awareness campaigns for small firms", "export controls on intrusion software", "assistance requests from other States"],
        ["with a 24/7 point of contact", "under a new law adopted by parliament", "together with private operators", "following a national risk assessment", "in line with the 2015 GGE report", "with support from international partners", "through an annual exercise", "through a public consultation", "with a dedicated budget line", "after a significant incident"],
        "It reports on norm {0} for {1}.");

    public static readonly BenchmarkVocabulary French = new(
        "fr",
        ["Le CSIRT national", "L'agence de cybersécurité", "Le ministère des affaires étrangères", "Le régulateur des télécommunications", "La banque centrale", "Une équipe conjointe", "L'unité cyber de la police", "L'autorité de protection des données", "Le régulateur de l'énergie", "Le ministère de la justice"],
        ["coordonne", "publie", "renforce", "examine", "teste", "forme le personnel pour", "partage des informations sur", "fixe des normes pour", "exerce", "finance"],
        ["la réponse aux incidents des infrastructures critiques", "la divulgation des vulnérabilités", "la protection du réseau électrique", "la coopération avec les CERT régionaux", "la sécurité de la chaîne d'approvisionnement", "les mesures de confiance", "les enquêtes sur la cybercriminalité", "la protection de la vie privée en ligne", "les exercices de gestion de crise", "les campagnes de sensibilisation des PME", "le contrôle des exportations de logiciels d'intrusion", "les demandes d'assistance d'autres États"],
        ["avec un point de contact permanent", "en vertu d'une nouvelle loi", "avec les opérateurs privés", "après une évaluation nationale des risques", "conformément au rapport du GGE de 2015", "avec l'appui de partenaires internationaux", "par un exercice annuel", "par une consultation publique", "avec une ligne budgétaire dédiée", "après un incident important"],
        "Elle porte sur la norme {0} pour {1}.");

    public static readonly BenchmarkVocabulary Spanish = new(
        "es",
        ["El CSIRT nacional", "La agencia de ciberseguridad", "El ministerio de relaciones exteriores", "El regulador de telecomunicaciones", "El banco central", "Un grupo de trabajo conjunto", "La unidad cibernética de la policía", "La autoridad de protección de datos", "El regulador de energía", "El ministerio de justicia"],
        ["coordina", "publica", "refuerza", "revisa", "prueba", "capacita al personal para", "comparte información sobre", "fija normas para", "ejercita", "financia"],
        ["la respuesta a incidentes en infraestructuras críticas", "la divulgación de vulnerabilidades", "la protección de la red eléctrica", "la cooperación con los CERT regionales", "la seguridad de la cadena de suministro", "las medidas de fomento de la confianza", "las investigaciones de ciberdelincuencia", "la privacidad en línea", "los ejercicios de gestión de crisis", "las campañas de concienciación para pymes", "el control de exportaciones de software de intrusión", "las solicitudes de asistencia de otros Estados"],
        ["con un punto de contacto permanente", "en virtud de una nueva ley", "junto con operadores privados", "tras una evaluación nacional de riesgos", "de acuerdo con el informe del GGE de 2015", "con el apoyo de socios internacionales", "mediante un ejercicio anual", "mediante una consulta pública", "con una partida presupuestaria propia", "tras un incidente grave"],
        "Informa sobre la norma {0} para {1}.");

    /// <summary>"{actor} {action} {object}", as titles and sentences are made.</summary>
    public string Sentence(Random random) =>
        $"{BenchmarkDataGenerator.Pick(random, Actors)} {BenchmarkDataGenerator.Pick(random, Actions)} {BenchmarkDataGenerator.Pick(random, Objects)}";

    /// <summary>The words of the phrases (four letters or more), lower-cased, each once.</summary>
    public IReadOnlyList<string> Words() =>
        [.. Actors.Concat(Actions).Concat(Objects).Concat(Details)
            .SelectMany(p => p.Split([' ', '\'', '/', '-'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 4 && w.All(char.IsLetter))
            .Select(w => w.ToLowerInvariant())
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>Two- and three-word phrases exactly as written, for quoted searches.</summary>
    public IReadOnlyList<string> Phrases() =>
        [.. Objects.Concat(Details).Select(p => p.Split(' ')).Where(w => w.Length >= 2)
            .SelectMany(w => Enumerable.Range(0, w.Length - 1).Select(i => string.Join(' ', w.Skip(i).Take(Math.Min(3, w.Length - i)))))
            .Where(p => p.Contains(' ', StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)];
}
