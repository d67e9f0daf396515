using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit;
using Xunit.Abstractions;

namespace PodFirmware.Host.Tests.Core.Site
{
    /// <summary>
    /// Over random histories of pods starting, stopping, joining, leaving, losing their link or their messages and of
    /// capacity steps, driven through <see cref="SiteSimulation"/>: the sum of offered currents never exceeds the site's
    /// capacity for longer than one sharing period plus the EV's 5 s allowance, and once the site is quiet no session is
    /// offered less than 6 A while the capacity allows 6 A for every session.
    /// </summary>
    public class SitePowerProperties
    {
        private const ulong Seed = 20261202;
        private const int Histories = 200;
        private const int EvAllowanceMs = 5000;
        private const int ForgetAfterMs = 20000;

        private readonly ITestOutputHelper _output;

        /// <summary>xunit hands in the output sink for the coverage line.</summary>
        public SitePowerProperties(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>What a step does.</summary>
        public enum Kind
        {
            /// <summary>A ticks of every pod.</summary>
            Ticks,
            /// <summary>Pod A starts a session.</summary>
            Start,
            /// <summary>Pod A stops its session.</summary>
            Stop,
            /// <summary>A new pod with limit A joins.</summary>
            Join,
            /// <summary>Pod A leaves (its session ends with it).</summary>
            Leave,
            /// <summary>Pod A's link goes down.</summary>
            LinkDown,
            /// <summary>Pod A's link comes back.</summary>
            LinkUp,
            /// <summary>Pod A loses its next B publications.</summary>
            Drop,
            /// <summary>The controller announces capacity A.</summary>
            Capacity,
        }

        /// <summary>One step.</summary>
        public sealed record Step(Kind Kind, int A, int B)
        {
            /// <inheritdoc/>
            public override string ToString() => Kind + " " + A + " " + B;
        }

        /// <summary>A history: sharing period, first capacity, steps.</summary>
        public sealed record History(int PeriodMs, int CapacityDa, Step[] Steps)
        {
            /// <inheritdoc/>
            public override string ToString() => "period " + PeriodMs + " ms, capacity " + CapacityDa + " dA:\n  " + string.Join("\n  ", Steps.Select((s, i) => i + ": " + s));
        }

        private static readonly int[] Limits = { 60, 100, 160, 320 };

        private static Gen<Step> S(Kind kind, int min, int max, int maxB = 0) =>
            Gen.Choose(min, max).SelectMany(a => Gen.Choose(1, Math.Max(1, maxB)), (a, b) => new Step(kind, a, b));

        /// <summary>Steps, weighted so sessions come and go often.</summary>
        public static Gen<Step> Steps() => Gen.Frequency(
            (30, S(Kind.Ticks, 1, 12)),
            (14, S(Kind.Start, 0, 11)),
            (6, S(Kind.Stop, 0, 11)),
            (4, S(Kind.Join, 0, Limits.Length - 1)),
            (2, S(Kind.Leave, 0, 11)),
            (3, S(Kind.LinkDown, 0, 11)),
            (3, S(Kind.LinkUp, 0, 11)),
            (4, S(Kind.Drop, 0, 11, 3)),
            (3, S(Kind.Capacity, 200, 1200)));

        /// <summary>Histories of 40 to 250 steps, periods 1 to 5 s, capacities 20 to 120 A.</summary>
        public static Gen<History> HistoryGen() =>
            Gen.Choose(1, 5).SelectMany(p => Gen.Choose(200, 1200), (p, c) => (p, c)).SelectMany(
                pc => Gen.Choose(40, 250).SelectMany(n => Steps().ArrayOf(n)),
                (pc, steps) => new History(pc.p * 1000, pc.c, steps));

        private static IEnumerable<History> Shrink(History h)
        {
            for (int chunk = h.Steps.Length / 2; chunk >= 1; chunk /= 2)
            {
                for (int at = 0; at + chunk <= h.Steps.Length; at += chunk)
                {
                    yield return h with { Steps = h.Steps.Take(at).Concat(h.Steps.Skip(at + chunk)).ToArray() };
                }
            }
        }

        /// <summary>Result of one run.</summary>
        public sealed class Outcome
        {
            /// <summary>Null when the rules held.</summary>
            public string Failure;
            /// <summary>Ticks over capacity (all within the bound when it passed).</summary>
            public long OverTicks;
            /// <summary>Quiet ticks on which the no-starvation rule was checked.</summary>
            public long StarvationChecks;
            /// <summary>Sessions started and refused.</summary>
            public long Starts, Refused;
        }

        /// <summary>Debug trace of the ticks, when set.</summary>
        public static List<string> Trace;

        /// <summary>Runs one history and checks both rules after every tick.</summary>
        public static Outcome Run(History h)
        {
            var sim = new SiteSimulation(h.CapacityDa, h.PeriodMs, 64, ForgetAfterMs);
            var o = new Outcome();
            for (int i = 0; i < 4; i++)
            {
                sim.Join(Limits[i]);
            }

            long overSinceMs = -1;
            long lastAnyMs = 0;
            long lastDisruptMs = 0;
            int bound = h.PeriodMs + EvAllowanceMs;
            foreach (Step s in h.Steps.Append(new Step(Kind.Ticks, 400, 0)))
            {
                var pods = sim.Pods;
                SiteSimulation.Pod p = pods[s.A % pods.Count];
                switch (s.Kind)
                {
                    case Kind.Start:
                        if (p.TryStart())
                        {
                            o.Starts++;
                        }
                        else if (!p.Session && p.Present)
                        {
                            o.Refused++;
                        }

                        break;
                    case Kind.Stop:
                        p.Session = false;
                        break;
                    case Kind.Join:
                        if (pods.Count < 40)
                        {
                            sim.Join(Limits[s.A]);
                        }

                        break;
                    case Kind.Leave:
                        p.Present = false;
                        p.Session = false;
                        p.OfferDa = 0;
                        break;
                    case Kind.LinkDown:
                        p.Connected = false;
                        break;
                    case Kind.LinkUp:
                        p.Connected = true;
                        break;
                    case Kind.Drop:
                        p.DropNext = s.B;
                        break;
                    case Kind.Capacity:
                        sim.SetCapacity(s.A);
                        break;
                }

                if (s.Kind != Kind.Ticks)
                {
                    lastAnyMs = sim.NowMs;
                }

                if (s.Kind != Kind.Ticks && s.Kind != Kind.Start && s.Kind != Kind.Stop)
                {
                    lastDisruptMs = sim.NowMs;
                }

                int ticks = s.Kind == Kind.Ticks ? s.A : 1;
                for (int t = 0; t < ticks; t++)
                {
                    sim.Tick();
                    int sum = sim.OfferedSumDa();
                    if (Trace != null)
                    {
                        Trace.Add(sim.NowMs + " cap " + sim.CapacityDa + " sum " + sum + " | " + string.Join(" ", sim.Pods.Select(x => x.Id.Substring(4) + (x.Present ? "" : "x") + (x.Connected ? "" : "d") + (x.Session ? "s" : "") + (x.Share.Isolated ? "i" : "") + ":" + x.OfferDa + "/" + x.Share.CapacityDa)));
                    }

                    if (sum > sim.CapacityDa)
                    {
                        o.OverTicks++;
                        if (overSinceMs < 0)
                        {
                            overSinceMs = sim.NowMs;
                        }

                        if (sim.NowMs - overSinceMs > bound)
                        {
                            o.Failure = "over capacity for " + (sim.NowMs - overSinceMs) + " ms at " + sim.NowMs + " ms: " + sum + " dA of " + sim.CapacityDa;
                            return o;
                        }
                    }
                    else
                    {
                        overSinceMs = -1;
                    }

                    string starving = Starving(sim, lastAnyMs, lastDisruptMs, h.PeriodMs);
                    if (starving != null)
                    {
                        o.StarvationChecks++;
                        if (starving.Length > 0)
                        {
                            o.Failure = starving;
                            return o;
                        }
                    }
                }
            }

            return o;
        }

        // Null when the site is not quiet; "" when no session starves; else what starves.
        private static string Starving(SiteSimulation sim, long lastAnyMs, long lastDisruptMs, int periodMs)
        {
            if (sim.NowMs - lastAnyMs < 4L * periodMs || sim.NowMs - lastDisruptMs < ForgetAfterMs + 4L * periodMs)
            {
                return null;
            }

            int sessions = 0;
            foreach (var p in sim.Pods)
            {
                if (p.Present && (!p.Connected || p.DropNext > 0))
                {
                    return null;
                }

                sessions += p.Present && p.Session ? 1 : 0;
            }

            if (sessions * 60 > sim.CapacityDa)
            {
                return "";
            }

            foreach (var p in sim.Pods)
            {
                if (p.Present && p.Session && p.OfferDa < 60)
                {
                    return p.Id + " starves at " + p.OfferDa + " dA, " + sessions + " sessions, capacity " + sim.CapacityDa + " dA, " + sim.NowMs + " ms";
                }
            }

            return "";
        }

        [Fact]
        public void The_sum_stays_under_capacity_within_the_bound_and_no_session_starves_while_capacity_allows()
        {
            long histories = 0, over = 0, checks = 0, starts = 0, refused = 0;
            Prop.ForAll(Arb.From(HistoryGen(), Shrink), h =>
            {
                Outcome o = Run(h);
                if (o.Failure != null && Environment.GetEnvironmentVariable("SITE_TRACE") == "1")
                {
                    Trace = new List<string>();
                    Run(h);
                    foreach (string line in Trace.Skip(Math.Max(0, Trace.Count - 50)))
                    {
                        Console.WriteLine(line);
                    }

                    Trace = null;
                }

                histories++;
                over += o.OverTicks;
                checks += o.StarvationChecks;
                starts += o.Starts;
                refused += o.Refused;
                return (o.Failure == null).Label(o.Failure ?? "");
            }).Check(FsCheck.Config.QuickThrowOnFailure
                .WithMaxTest(Histories)
                .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None))));

            _output.WriteLine($"{histories} histories: {starts} starts, {refused} refused, {over} ticks over capacity (all within the bound), {checks} quiet ticks checked for starvation");
            Assert.True(starts >= Histories, "too few starts: " + starts);
            Assert.True(over > 0, "no history ever went over capacity: the bound was never exercised");
            Assert.True(checks > Histories, "too few quiet ticks: " + checks);
        }
    }
}
