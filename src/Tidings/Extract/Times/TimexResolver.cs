using System.Globalization;

namespace Tidings.Extract.Times;

/// <summary>
/// Turns what a rule understood into a TIMEX3 type and value, relative to the anchor date (the article's
/// publication or dateline date). Without an anchor, unknown parts stay underspecified ("XXXX-12-01").
/// Tense decides direction: a weekday or month in past-tense news is the latest one on or before the anchor.
/// </summary>
internal static class TimexResolver
{
    public static (string Type, string Value, string? Mod) Resolve(TimeMeaning meaning, DateOnly? anchor, Tense tense)
    {
        bool future = tense == Tense.Future;
        switch (meaning)
        {
            case FixedMeaning f:
                return (f.Type, f.Value, f.Mod);
            case CalendarMeaning c:
            {
                int? year = c.Year;
                if (year is null && anchor is { } a && c.Month is { } m) year = YearFor(a, m, c.Day, tense);
                return ("DATE", Format(year, c.Month, c.Day) + Tod(c.TimeOfDay), c.Mod);
            }
            case MonthMeaning mm:
            {
                if (anchor is not { } a) return ("DATE", Format(null, mm.Month, mm.Day), mm.Mod);
                int year = mm.Shift switch
                {
                    < 0 => mm.Month < a.Month ? a.Year : a.Year - 1,
                    > 0 => mm.Month > a.Month ? a.Year : a.Year + 1,
                    _ => YearFor(a, mm.Month, mm.Day, tense),
                };
                return ("DATE", Format(year, mm.Month, mm.Day), mm.Mod);
            }
            case WeekdayMeaning w:
            {
                if (anchor is not { } a) return ("DATE", $"XXXX-WXX-{IsoDay(w.Day)}", null);
                int diff = (int)w.Day - (int)a.DayOfWeek;
                DateOnly date = w.Shift switch
                {
                    < 0 => a.AddDays(diff < 0 ? diff : diff - 7),
                    > 0 => a.AddDays(diff > 0 ? diff : diff + 7),
                    _ when future => a.AddDays(diff >= 0 ? diff : diff + 7),
                    _ => a.AddDays(diff <= 0 ? diff : diff - 7),
                };
                // TimeBank mostly writes "Sunday night" with its part of day (2000-01-05TNI).
                return ("DATE", Iso(date) + Tod(w.TimeOfDay), null);
            }
            case RelativeMeaning r:
                return ("DATE", Relative(r, anchor) + Tod(r.TimeOfDay), r.Mod);
            case QuarterMeaning q:
            {
                int? year = q.Year;
                if (year is null && anchor is { } a) year = q.Quarter <= (a.Month + 2) / 3 || future ? a.Year : a.Year - 1;
                return ("DATE", $"{YearText(year)}-Q{q.Quarter}", null);
            }
            case SeasonMeaning s:
            {
                int? year = s.Year ?? (anchor is { } a ? a.Year + s.Shift : null);
                return ("DATE", $"{YearText(year)}-{s.Code}", null);
            }
            case ThanksgivingMeaning:
            {
                if (anchor is not { } a) return ("DATE", "XXXX-11-XX", null);
                // The latest Thanksgiving on or before the anchor (the next one on or after it in future-tense text).
                var thursday = Thanksgiving(a.Year);
                if (future && thursday < a) thursday = Thanksgiving(a.Year + 1);
                else if (!future && thursday > a) thursday = Thanksgiving(a.Year - 1);
                return ("DATE", Iso(thursday), null);
            }
            case ClockMeaning clock:
            {
                string date = clock.Date is null ? (anchor is { } a ? Iso(a) : "XXXX-XX-XX") : Resolve(clock.Date, anchor, tense).Value;
                return ("TIME", $"{date}T{clock.Hour:D2}:{clock.Minute:D2}", null);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(meaning));
        }
    }

    private static string Relative(RelativeMeaning r, DateOnly? anchor)
    {
        if (anchor is not { } a)
        {
            return r.Unit switch
            {
                'D' when r.Offset == 0 => "PRESENT_REF",
                'D' => "XXXX-XX-XX",
                'W' => "XXXX-WXX",
                'M' => "XXXX-XX",
                'Q' => "XXXX-QX",
                _ => "XXXX",
            };
        }
        switch (r.Unit)
        {
            case 'D': return Iso(a.AddDays(r.Offset));
            case 'W':
            {
                var d = a.AddDays(7 * r.Offset).ToDateTime(TimeOnly.MinValue);
                return $"{ISOWeek.GetYear(d)}-W{ISOWeek.GetWeekOfYear(d):D2}";
            }
            case 'E':
            {
                var d = a.AddDays(7 * r.Offset).ToDateTime(TimeOnly.MinValue);
                return $"{ISOWeek.GetYear(d)}-W{ISOWeek.GetWeekOfYear(d):D2}-WE";
            }
            case 'M':
            {
                var d = a.AddMonths(r.Offset);
                return $"{d.Year:D4}-{d.Month:D2}";
            }
            case 'Q':
            {
                int index = a.Year * 4 + (a.Month - 1) / 3 + r.Offset;
                return $"{index / 4:D4}-Q{index % 4 + 1}";
            }
            case 'X': return $"{(a.Year + 10 * r.Offset) / 10:D3}"; // decade
            case 'C': return $"{(a.Year + 100 * r.Offset) / 100:D2}"; // century
            default: return $"{a.Year + r.Offset:D4}";
        }
    }

    /// <summary>
    /// The year of a month (and day) mentioned without one: the latest on or before the anchor in past-tense
    /// text (or a date up to two months ahead: news often names the days just coming without a future verb),
    /// the next on or after it in future-tense text.
    /// </summary>
    private static int YearFor(DateOnly anchor, int month, int? day, Tense tense)
    {
        int Compare(int year) => new DateOnly(year, month, Math.Min(day ?? 15, DateTime.DaysInMonth(year, month))).CompareTo(anchor);
        bool sameMonth = month == anchor.Month && day is null;
        if (sameMonth) return anchor.Year;
        return tense switch
        {
            Tense.Future => Compare(anchor.Year) >= 0 ? anchor.Year : anchor.Year + 1,
            // News speaks of the recent past; a date a little ahead of the anchor is still this year's.
            _ => Compare(anchor.Year) <= 0 || new DateOnly(anchor.Year, month, Math.Min(day ?? 1, DateTime.DaysInMonth(anchor.Year, month))).DayNumber - anchor.DayNumber <= 62
                ? anchor.Year : anchor.Year - 1,
        };
    }

    private static string Format(int? year, int? month, int? day) =>
        month is null ? YearText(year) : day is null ? $"{YearText(year)}-{month:D2}" : $"{YearText(year)}-{month:D2}-{day:D2}";

    private static string YearText(int? year) => year is { } y ? y.ToString("D4", CultureInfo.InvariantCulture) : "XXXX";

    private static DateOnly Thanksgiving(int year)
    {
        var first = new DateOnly(year, 11, 1);
        return first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7 + 21);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int IsoDay(DayOfWeek d) => d == DayOfWeek.Sunday ? 7 : (int)d;

    private static string Tod(string? timeOfDay) => timeOfDay is null ? "" : "T" + timeOfDay;
}
