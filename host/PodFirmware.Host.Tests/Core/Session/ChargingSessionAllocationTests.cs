using System;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Session;
using Xunit;
using PodFirmware.Host.Tests.Support;

namespace PodFirmware.Host.Tests.Core.Session
{
    /// <summary>The session runs in the control tick, where the nanoFramework GC would stop the world: it must allocate nothing.</summary>
    [Collection(AllocationMeasurement.Name)]
    public class ChargingSessionAllocationTests
    {
        private static void Cycle(ChargingSession session, SessionInputs inputs, Command start, EventRing ring, PodEvent taken)
        {
            session.Reserve("acct-1", 0, inputs);
            session.Start(start, inputs);
            for (int i = 0; i < 2000; i++)
            {
                inputs.NowMs += 100;
                inputs.RelayClosed = session.WantsPower;
                inputs.CurrentA = i % 500 < 100 ? 0.2 : 16.0;
                if (i == 1000)
                {
                    session.SetCurrentLimit(0);
                }
                else if (i == 1200)
                {
                    session.SetCurrentLimit(16);
                }

                session.Update(inputs);
                _ = session.RemainingS + session.ProgressPercent + session.TargetMilliWh + session.ElapsedMs + session.ReservationLeftS;
                while (ring.TryTake(taken))
                {
                }
            }

            session.Stop(inputs);
            inputs.Plugged = false;
            session.Update(inputs);
            inputs.Plugged = true;
            session.Update(inputs);
            session.CancelReservation("acct-1", inputs);
            while (ring.TryTake(taken))
            {
            }
        }

        [Fact]
        public void A_whole_session_with_reservation_suspensions_and_stop_allocates_nothing()
        {
            var ring = new EventRing(32, 0);
            var session = new ChargingSession(new SessionConfig(), 32, ring);
            var inputs = new SessionInputs { NowMs = 1000, Docked = true, Plugged = true, VoltageV = 230, VoltageUsable = true, CurrentUsable = true, TemperatureC = 30, TemperatureUsable = true };
            var start = new Command { Type = CommandType.Start, Id = "s-1", Account = "acct-1", HasMaxEnergy = true, MaxEnergyWh = 500, HasMaxDuration = true, MaxDurationS = 3600 };
            var taken = new PodEvent();
            Cycle(session, inputs, start, ring, taken);

            long before = AllocationWindow.Begin();
            Cycle(session, inputs, start, ring, taken);
            long allocated = AllocationWindow.End(before);

            Assert.Equal(0L, allocated);
            Assert.Equal(0, ring.DroppedCount);
        }
    }
}
