namespace Scorecard.Organization.Domain.Import;

/// <summary>The stored people, found by normalised e-mail or by id.</summary>
internal sealed class ExistingPeopleIndex
{
    private readonly Dictionary<string, PersonSnapshot> _byEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, PersonSnapshot> _byId = [];

    public ExistingPeopleIndex(IEnumerable<PersonSnapshot> people)
    {
        foreach (var person in people)
        {
            _byEmail.TryAdd(EmailAddressRule.Normalize(person.Email), person);
            _byId.TryAdd(person.Id, person);
        }
    }

    public IEnumerable<PersonSnapshot> All => _byId.Values;

    public PersonSnapshot? WithEmail(string normalizedEmail) => _byEmail.GetValueOrDefault(normalizedEmail);

    public PersonSnapshot? WithId(Guid id) => _byId.GetValueOrDefault(id);
}
