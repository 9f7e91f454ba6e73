using System.Globalization;

namespace Klimrek.Infrastructure.Errors;

/// <summary>A user-facing message: a resource key (the Dutch text) and its format arguments.</summary>
public sealed record Message(string Key, params object[] Args)
{
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Key, Args);
}

/// <summary>
/// The one way a service refuses a request the user can act on. The API turns it into ProblemDetails with the same
/// status (field messages under <c>errors</c>, localised); pages show the messages beside the fields and change
/// nothing. Statuses: 400 invalid input, 403 not allowed, 404 not found (or not yours to know about), 409 conflict.
/// </summary>
public sealed class ProblemException : Exception
{
    /// <summary>The key under which a message that belongs to no single field is listed in <c>errors</c>.</summary>
    public const string General = "";

    public ProblemException(int status, Message title, IReadOnlyDictionary<string, IReadOnlyList<Message>>? fields = null)
        : base(title.ToString())
    {
        Status = status;
        Title = title;
        Fields = fields ?? new Dictionary<string, IReadOnlyList<Message>>();
    }

    public int Status { get; }
    public Message Title { get; }

    /// <summary>Messages per field (the API's property name, camelCase); <see cref="General"/> for the rest.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Message>> Fields { get; }

    /// <summary>Every message: the title first, then the field messages.</summary>
    public IEnumerable<Message> AllMessages() => Fields.Count == 0 ? [Title] : Fields.Values.SelectMany(m => m);

    public static ProblemException NotFound() => new(404, new Message("Niet gevonden, of je hebt er geen toegang toe."));
    public static ProblemException Forbidden(string key, params object[] args) => new(403, new Message(key, args));
    public static ProblemException Conflict(string key, params object[] args) => new(409, new Message(key, args));
    public static ProblemException Invalid(string key, params object[] args) => new(400, new Message(key, args));

    /// <summary>Invalid input on one field.</summary>
    public static ProblemException Field(string field, string key, params object[] args) =>
        new(400, new Message("De invoer is niet geldig."), new Dictionary<string, IReadOnlyList<Message>> { [field] = [new Message(key, args)] });

    /// <summary>Invalid input on several fields; throws nothing when <paramref name="errors"/> is empty.</summary>
    public static void ThrowIfAny(ValidationErrors errors)
    {
        if (errors.Count > 0) throw new ProblemException(400, new Message("De invoer is niet geldig."), errors.ToDictionary());
    }
}

/// <summary>Collects field messages while validating, then <see cref="ProblemException.ThrowIfAny"/>.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<Message>> _fields = new(StringComparer.Ordinal);

    public int Count => _fields.Count;

    public void Add(string field, string key, params object[] args)
    {
        if (!_fields.TryGetValue(field, out var list)) _fields[field] = list = [];
        list.Add(new Message(key, args));
    }

    public IReadOnlyDictionary<string, IReadOnlyList<Message>> ToDictionary() =>
        _fields.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Message>)kv.Value, StringComparer.Ordinal);
}
