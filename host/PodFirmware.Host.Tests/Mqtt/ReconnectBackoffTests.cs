using System;
using FsCheck;
using FsCheck.Fluent;
using PodFirmware.Drivers.Mqtt;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    public class ReconnectBackoffTests
    {
        [Fact]
        public void The_nominal_delay_doubles_per_failure_from_500ms_and_stops_at_the_30s_maximum()
        {
            var backoff = new ReconnectBackoff(500, 30000, new RandomSource(1));
            var nominal = new int[9];
            for (int i = 0; i < nominal.Length; i++)
            {
                backoff.NextWaitMs(false);
                nominal[i] = backoff.NominalDelayMs;
            }

            Assert.Equal(new[] { 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000 }, nominal);
        }

        [Fact]
        public void An_accepted_connection_resets_the_wait_to_exactly_the_minimum()
        {
            var backoff = new ReconnectBackoff(500, 30000, new RandomSource(7));
            for (int i = 0; i < 6; i++)
            {
                backoff.NextWaitMs(false);
            }

            Assert.Equal(500, backoff.NextWaitMs(true));
            Assert.Equal(500, backoff.NominalDelayMs);
        }

        [Fact]
        public void Every_wait_lies_between_half_the_nominal_delay_and_the_delay_and_never_below_the_minimum()
        {
            var gen = Gen.Choose(1, 60000).SelectMany(min => Gen.Choose(min, 600000).SelectMany(max =>
                Gen.ArrayOf(Gen.Elements(true, false), 40).Select(accepted => new { min, max, accepted })));
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Arb.From(gen), c =>
            {
                var backoff = new ReconnectBackoff(c.min, c.max, new RandomSource(c.min ^ c.max));
                foreach (bool accepted in c.accepted)
                {
                    int wait = backoff.NextWaitMs(accepted);
                    int delay = backoff.NominalDelayMs;
                    Assert.InRange(delay, c.min, c.max);
                    Assert.InRange(wait, Math.Max(c.min, delay / 2), delay);
                }
            }));
        }

        [Fact]
        public void Delays_beyond_int_range_cannot_overflow_past_the_maximum()
        {
            var backoff = new ReconnectBackoff(int.MaxValue / 2 + 1, int.MaxValue, new RandomSource(3));
            backoff.NextWaitMs(false);
            backoff.NextWaitMs(false);
            Assert.Equal(int.MaxValue, backoff.NominalDelayMs);
        }
    }
}
