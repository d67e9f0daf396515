using System;
using PodFirmware.Core.Control;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;
using PodFirmware.Tests.Core.Control;
using Xunit;
using PodFirmware.Host.Tests.Support;

namespace PodFirmware.Host.Tests.Core.Control
{
    /// <summary>The board's tick thread body must allocate nothing per turn, GNSS feed included: the nanoFramework GC stops the world.</summary>
    [Collection(AllocationMeasurement.Name)]
    public class ControlLoopAllocationTests
    {
        // A UART that has one RMC sentence buffered at every poll, from a preallocated array.
        private sealed class ChattyUart : ISerialInput
        {
            // The test projects link their own Nmea helper each, so the host tests (which see them all) build the sentence here.
            private readonly byte[] _sentence = System.Text.Encoding.ASCII.GetBytes(Sentence("GNRMC,101500.00,A,5130.0000,N,00007.5000,W,0.0,0.0,211126,,,A"));
            private int _at;

            private static string Sentence(string body)
            {
                int sum = 0;
                foreach (char c in body)
                {
                    sum ^= c;
                }

                return "$" + body + "*" + sum.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + "\r\n";
            }

            public int BytesToRead => _sentence.Length - _at;

            public int Read(byte[] buffer, int offset, int count)
            {
                int n = Math.Min(count, BytesToRead);
                Array.Copy(_sentence, _at, buffer, offset, n);
                _at += n;
                if (_at == _sentence.Length)
                {
                    _at = 0; // the next sentence is "buffered" for the next poll
                }

                return n;
            }
        }

        [Fact]
        public void Ten_thousand_loop_turns_with_GNSS_allocate_zero_bytes()
        {
            var rig = new PodRig();
            var receiver = new NmeaGnssReceiver(5000);
            var loop = new ControlLoopCore(rig.Controller, rig.Clock, rig.Pause, rig.Safe, new SerialGnssFeed(new ChattyUart(), receiver), 100);
            var drained = new PodFirmware.Core.Events.PodEvent();
            void Turns(int n)
            {
                for (int i = 0; i < n; i++)
                {
                    Assert.True(loop.RunOnce());
                    while (rig.Controller.Events.TryTake(drained))
                    {
                    }
                }
            }

            Turns(200);
            long before = AllocationWindow.Begin();
            Turns(10000);
            long allocated = AllocationWindow.End(before);

            Assert.Equal(0, allocated);
            Assert.Equal(10200, rig.Dock.Reads);
            Assert.True(receiver.TryGetFix(rig.Clock.MonotonicMs, new PositionFix()), "the feed ran every turn");
        }
    }
}
