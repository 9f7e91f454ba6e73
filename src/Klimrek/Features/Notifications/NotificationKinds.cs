using Klimrek.Data;

namespace Klimrek.Features.Notifications;

/// <summary>
/// The kinds of notification a person can set apart (in-app, mail, or off). Each capability that notifies uses one of
/// these; a new kind is added here with its name and default.
/// </summary>
public static class NotificationKinds
{
    /// <summary>A signal from someone's micro learning climate, and the answers to one's own signals.</summary>
    public const string Signalen = "signalen";
    /// <summary>A feedback moment of a learning experiment coming up.</summary>
    public const string Terugkoppelmomenten = "terugkoppelmomenten";
    /// <summary>The gentle weekly suggestion to do a readiness check-in.</summary>
    public const string Bereidheid = "bereidheid";
    /// <summary>An invitation to join a learning experiment, and who joined one's own.</summary>
    public const string Experimenten = "experimenten";
    /// <summary>Something shared with one (as leidinggevende or begeleider), and comments on what one shared.</summary>
    public const string Delen = "delen";
    /// <summary>Samen leren: enrolled in a programme, intake due, a duo proposed or answered, and the duo's reminders.</summary>
    public const string SamenLeren = "samen-leren";

    public static IReadOnlyList<string> All { get; } = [Signalen, Terugkoppelmomenten, Experimenten, Delen, Bereidheid, SamenLeren];

    public static bool IsKnown(string kind) => All.Contains(kind);

    /// <summary>Without a choice of the person's own: everything in the inbox and by mail, except the check-in suggestion (inbox only).</summary>
    public static NotificationChannels Default(string kind) =>
        kind == Bereidheid ? NotificationChannels.InApp : NotificationChannels.InApp | NotificationChannels.Mail;

    /// <summary>The kind's name (a resource key, Dutch) for the preferences page.</summary>
    public static string Name(string kind) => kind switch
    {
        Signalen => "Signalen en antwoorden uit je microleerklimaat",
        Terugkoppelmomenten => "Herinneringen aan terugkoppelmomenten",
        Experimenten => "Uitnodigingen voor leerexperimenten",
        Delen => "Wat met je gedeeld wordt en reacties op wat jij deelt",
        Bereidheid => "Wekelijkse suggestie voor een bereidheidscheck",
        SamenLeren => "Samen leren: inschrijving, intake, duo-voorstel en herinneringen",
        _ => kind,
    };
}
