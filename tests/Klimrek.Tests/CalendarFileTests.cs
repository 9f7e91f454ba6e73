using Klimrek.Infrastructure.Calendar;
using System.Text;

namespace Klimrek.Tests;

/// <summary>Calendar files through Ical.Net: stable UID, SEQUENCE, cancelled events, reminders, escaping and folding.</summary>
public sealed class CalendarFileTests
{
    private static readonly DateTime Start = new(2026, 3, 10, 13, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Events_keep_their_uid_and_sequence_and_a_cancelled_one_says_so()
    {
        var ics = CalendarFile.Write("Samen leren: Amira & Bas", [
            new CalendarEntry("a1@klimrek", Start, 90, "Samen leren: Amira & Bas", "Duo-overleg", "Lokaal 2.14; gebouw B", 2, false, Start.AddDays(-1), 15),
            new CalendarEntry("a2@klimrek", Start.AddDays(14), 60, "Samen leren", null, null, 1, true, Start.AddDays(-1), 15),
        ]);

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        var unfolded = ics.Replace("\r\n ", "");
        Assert.Contains("X-WR-CALNAME:Samen leren: Amira & Bas\r\n", unfolded);
        Assert.Equal(2, unfolded.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("UID:a1@klimrek\r\n", unfolded);
        Assert.Contains("UID:a2@klimrek\r\n", unfolded);
        Assert.Contains("SEQUENCE:2\r\n", unfolded);
        Assert.Contains("DTSTART:20260310T130000Z\r\n", unfolded);
        Assert.Contains("DTEND:20260310T143000Z\r\n", unfolded);
        Assert.Contains("LOCATION:Lokaal 2.14\\; gebouw B\r\n", unfolded);
        var events = unfolded.Split("BEGIN:VEVENT").Skip(1).ToList();
        Assert.Contains("STATUS:CONFIRMED\r\n", events[0]);
        Assert.Contains("STATUS:CANCELLED\r\n", events[1]);
        // A reminder for the meeting that takes place, none for the cancelled one.
        Assert.Contains("BEGIN:VALARM", events[0]);
        Assert.Contains("TRIGGER:-PT15M", events[0]);
        Assert.DoesNotContain("BEGIN:VALARM", events[1]);
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_a_character()
    {
        var summary = string.Concat(Enumerable.Repeat("Überleg één ", 20));
        var ics = CalendarFile.Write("x", [new CalendarEntry("u@klimrek", Start, 30, summary, null, null, 0, false, Start)]);

        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains("SUMMARY:" + summary, ics.Replace("\r\n ", ""));
    }
}
