using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Card;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Simulated
{
    /// <summary>The MFRC522 twin: a tapped card answers for its dwell time; ISO 14443 A UIDs have 4, 7 or 10 bytes.</summary>
    [TestClass]
    public class SimulatedCardReaderTests
    {
        [TestMethod]
        public static void A_tapped_card_answers_with_its_uid_for_the_dwell_time_only()
        {
            var clock = new VirtualClock();
            var reader = new SimulatedCardReader(clock);
            byte[] uid = new byte[CardGate.MaxUidBytes];
            Assert.AreEqual(0, reader.ReadUid(uid), "no card");
            reader.Tap(new byte[] { 1, 2, 3, 4, 5, 6, 7 });
            clock.AdvanceMs(SimulatedCardReader.DefaultDwellMs - 1);
            Assert.AreEqual(7, reader.ReadUid(uid));
            Assert.AreEqual((byte)7, uid[6]);
            clock.AdvanceMs(1);
            Assert.AreEqual(0, reader.ReadUid(uid), "taken away");
        }

        [TestMethod]
        public static void A_uid_of_another_length_is_refused()
        {
            var reader = new SimulatedCardReader(new VirtualClock());
            Assert.ThrowsException(typeof(ArgumentException), () => reader.Tap(new byte[5]));
            Assert.ThrowsException(typeof(ArgumentException), () => reader.Tap(new byte[11]));
            reader.Tap(new byte[10]);
        }
    }
}
