namespace CyberNormPortal.Domain.Entries;

public enum EntryKind
{
    ImplementationStep,
    BestPractice,
    LessonLearned,
    Challenge,
}
