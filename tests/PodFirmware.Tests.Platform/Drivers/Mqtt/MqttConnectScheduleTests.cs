using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Mqtt;

namespace PodFirmware.Tests.Drivers.Mqtt
{
    [TestClass]
    public class MqttConnectScheduleTests
    {
        private static MqttConnectSchedule Schedule(long firstAtMs)
        {
            PinnedRandom random = new PinnedRandom();
            random.Highest = true;
            return new MqttConnectSchedule(new ReconnectBackoff(500, 4000, random), firstAtMs);
        }

        [TestMethod]
        public static void The_first_attempt_is_due_at_once_and_waits_are_clamped()
        {
            MqttConnectSchedule schedule = Schedule(1000);
            Assert.IsFalse(schedule.IsDue(999));
            Assert.IsTrue(schedule.IsDue(1000));
            Assert.AreEqual(1, schedule.WaitMs(999, 1000));
            Assert.AreEqual(0, schedule.WaitMs(5000, 1000), "overdue: no wait");
            Assert.AreEqual(1000, schedule.WaitMs(-5000, 1000), "never longer than the maximum asked");
        }

        [TestMethod]
        public static void Failed_attempts_double_the_wait_and_an_accepted_connection_resets_it()
        {
            MqttConnectSchedule schedule = Schedule(0);
            schedule.Reschedule(0, false);
            Assert.AreEqual(500L, schedule.NextAttemptAtMs);
            schedule.Reschedule(500, false);
            Assert.AreEqual(1500L, schedule.NextAttemptAtMs);
            schedule.Reschedule(1500, true);
            Assert.AreEqual(2000L, schedule.NextAttemptAtMs, "the minimum after an accepted connection");
            Assert.ThrowsException(typeof(ArgumentNullException), () => new MqttConnectSchedule(null, 0));
        }
    }
}
