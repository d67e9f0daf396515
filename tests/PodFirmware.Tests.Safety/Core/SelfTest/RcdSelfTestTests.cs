using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.SelfTest;

namespace PodFirmware.Tests.Core.SelfTest
{
    /// <summary>The two edges and the timeouts of <see cref="RcdSelfTest"/> (timeout 500 ms).</summary>
    [TestClass]
    public class RcdSelfTestTests
    {
        [TestMethod]
        public static void A_monitor_that_raises_and_releases_its_output_at_once_passes_within_one_time_instant()
        {
            var test = new RcdSelfTest(500);
            Assert.AreEqual((int)RcdTestState.Idle, (int)test.State);
            test.Begin(1000);
            Assert.IsTrue(test.TestInputOn);
            Assert.IsTrue(test.IsRunning);
            Assert.AreEqual((int)RcdTestState.Releasing, (int)test.Update(1000, true));
            Assert.IsFalse(test.TestInputOn, "the test input is released once the output answered");
            Assert.IsTrue(test.IsRunning);
            Assert.AreEqual((int)RcdTestState.Passed, (int)test.Update(1000, false));
            Assert.IsFalse(test.IsRunning);
        }

        [DataRow(1500L, 2)]
        [DataRow(1501L, 4)]
        [TestMethod]
        public static void No_answer_fails_only_after_strictly_more_than_the_timeout(long atMs, int state)
        {
            var test = new RcdSelfTest(500);
            test.Begin(1000);
            Assert.AreEqual(1, (int)test.Update(1400, false));
            test.Update(atMs, false);
            Assert.AreEqual(state == 2 ? 1 : 4, (int)test.State);
            Assert.IsFalse(test.TestInputOn && state == 4);
        }

        [DataRow(1700L, 2)]
        [DataRow(1701L, 4)]
        [TestMethod]
        public static void An_output_that_does_not_clear_fails_after_the_timeout_counted_from_the_answer(long atMs, int state)
        {
            var test = new RcdSelfTest(500);
            test.Begin(1000);
            test.Update(1200, true);
            Assert.AreEqual(state, (int)test.Update(atMs, true));
        }

        [TestMethod]
        public static void An_output_already_active_before_the_pulse_never_clears_and_fails()
        {
            var test = new RcdSelfTest(100);
            test.Begin(0);
            test.Update(0, true);
            test.Update(0, true);
            Assert.AreEqual((int)RcdTestState.Releasing, (int)test.State);
            Assert.AreEqual((int)RcdTestState.Failed, (int)test.Update(101, true));
        }

        [TestMethod]
        public static void Update_while_idle_or_finished_changes_nothing_and_Reset_returns_to_idle()
        {
            var test = new RcdSelfTest(100);
            Assert.AreEqual((int)RcdTestState.Idle, (int)test.Update(5000, true));
            test.Begin(0);
            test.Update(0, true);
            test.Update(0, false);
            Assert.AreEqual((int)RcdTestState.Passed, (int)test.Update(9000, true));
            test.Reset();
            Assert.AreEqual((int)RcdTestState.Idle, (int)test.State);
        }

        [TestMethod]
        public static void A_timeout_of_zero_or_less_is_refused()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RcdSelfTest(0));
        }
    }
}
