using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Klimrek.Infrastructure.Calendar;

/// <summary>
/// One appointment in a calendar file. <see cref="Uid"/> must stay the same for the life of the appointment and
/// <see cref="Sequence"/> must rise with every change, so that calendar programs update it instead of adding a copy.
/// </summary>
/// <param name="ReminderMinutesBefore">When set, the calendar program shows a reminder this many minutes before the start.</param>
public sealed record CalendarEntry(
    string Uid, DateTime StartUtc, int DurationMinutes, string Summary, string? Description, string? Location,
    int Sequence, bool Cancelled, DateTime StampUtc, int? ReminderMinutesBefore = null);

/// <summary>Writes iCalendar files (RFC 5545) through Ical.Net, for any capability that offers its appointments as a subscription or download.</summary>
public static class CalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>A calendar named <paramref name="name"/> holding <paramref name="entries"/>; times in UTC.</summary>
    public static string Write(string name, IEnumerable<CalendarEntry> entries)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Klimrek//Klimrek//NL", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var e in entries) calendar.Events.Add(EventOf(e));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent EventOf(CalendarEntry e)
    {
        var start = DateTime.SpecifyKind(e.StartUtc, DateTimeKind.Utc);
        var ev = new CalendarEvent
        {
            Uid = e.Uid,
            DtStamp = Utc(e.StampUtc),
            DtStart = Utc(start),
            DtEnd = Utc(start.AddMinutes(e.DurationMinutes)),
            Sequence = e.Sequence,
            Summary = e.Summary,
            Status = e.Cancelled ? "CANCELLED" : "CONFIRMED",
        };
        if (!string.IsNullOrWhiteSpace(e.Description)) ev.Description = e.Description;
        if (!string.IsNullOrWhiteSpace(e.Location)) ev.Location = e.Location;
        if (e.ReminderMinutesBefore is int minutes && !e.Cancelled)
            ev.Alarms.Add(new Alarm { Action = "DISPLAY", Description = e.Summary, Trigger = new Trigger(Duration.FromMinutes(-minutes)) });
        return ev;
    }

    private static CalDateTime Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc), CalDateTime.UtcTzId, true);
}
