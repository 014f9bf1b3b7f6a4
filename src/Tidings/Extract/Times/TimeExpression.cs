namespace Tidings.Extract.Times;

/// <summary>
/// A time expression found in a text, normalized as TimeML's TIMEX3 does: <see cref="Type"/> is DATE, TIME,
/// DURATION or SET; <see cref="Value"/> is an ISO-like value ("2022-12-08", "2022-11", "P15Y", "PAST_REF",
/// "XXXX-12-01" when no anchor date is known); <see cref="Mod"/> is START, MID, END, APPROX, MORE_THAN… or null.
/// </summary>
public sealed record TimeExpression(int Start, int End, string Text, string Type, string Value, string? Mod = null);

/// <summary>What a rule understood, before it is resolved against the anchor date.</summary>
internal abstract record TimeMeaning;

/// <summary>A calendar date with possibly missing parts; Weekday is used when Day is unknown.</summary>
internal sealed record CalendarMeaning(int? Year, int? Month, int? Day, string? Mod = null, string? TimeOfDay = null) : TimeMeaning;

/// <summary>A weekday ("on Monday"), resolved to the nearest fitting date; Shift: -1 last, +1 next, 0 by tense.</summary>
internal sealed record WeekdayMeaning(DayOfWeek Day, int Shift, string? TimeOfDay = null) : TimeMeaning;

/// <summary>A month named without a year ("in September"); Shift as for weekdays.</summary>
internal sealed record MonthMeaning(int Month, int? Day, int Shift, string? Mod = null) : TimeMeaning;

/// <summary>An offset from the anchor in a unit (yesterday: -1 D; last year: -1 Y; this week: 0 W).</summary>
internal sealed record RelativeMeaning(int Offset, char Unit, string? Mod = null, string? TimeOfDay = null) : TimeMeaning;

/// <summary>A value that needs no anchor: a duration, a set, a reference like PAST_REF, a year.</summary>
internal sealed record FixedMeaning(string Type, string Value, string? Mod = null) : TimeMeaning;

/// <summary>A time of day, on the anchor date unless the rule gives a date.</summary>
internal sealed record ClockMeaning(int Hour, int Minute, TimeMeaning? Date = null) : TimeMeaning;

/// <summary>A quarter of a year ("the third quarter"), its year by tense when not given.</summary>
internal sealed record QuarterMeaning(int Quarter, int? Year) : TimeMeaning;

/// <summary>A season ("last summer"): Code SP, SU, FA or WI; Shift -1 last, +1 next, 0 this or by tense.</summary>
internal sealed record SeasonMeaning(string Code, int? Year, int Shift) : TimeMeaning;

/// <summary>US Thanksgiving: the fourth Thursday of November of the year chosen by tense.</summary>
internal sealed record ThanksgivingMeaning : TimeMeaning;
