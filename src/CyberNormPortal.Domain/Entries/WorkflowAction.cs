namespace CyberNormPortal.Domain.Entries;

public enum WorkflowAction
{
    Submit,
    Approve,
    Return,
    Publish,
    Withdraw,
}
