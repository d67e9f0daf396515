using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;

namespace PodFirmware.Tests.Core.Commands
{
    [TestClass]
    public class CommandQueueTests
    {
        private static Command NewCommand(string id, CommandType type)
        {
            var c = new Command();
            c.Type = type;
            c.Id = id;
            c.PodId = "P-017";
            c.TimestampUtcS = 1767225600L;
            c.Nonce = "0123456789abcdef";
            return c;
        }

        [TestMethod]
        public static void Hands_out_commands_in_the_order_they_were_queued()
        {
            var queue = new CommandQueue(4);
            Assert.IsTrue(queue.TryEnqueue(NewCommand("a", CommandType.Start)));
            Assert.IsTrue(queue.TryEnqueue(NewCommand("b", CommandType.Stop)));
            Assert.IsTrue(queue.TryEnqueue(NewCommand("c", CommandType.Lock)));
            Assert.AreEqual(3, queue.Count);

            var taken = new Command();
            Assert.IsTrue(queue.TryTake(taken));
            Assert.AreEqual("a", taken.Id);
            Assert.AreEqual((int)CommandType.Start, (int)taken.Type);
            Assert.IsTrue(queue.TryTake(taken));
            Assert.AreEqual("b", taken.Id);
            Assert.IsTrue(queue.TryTake(taken));
            Assert.AreEqual("c", taken.Id);
            Assert.IsFalse(queue.TryTake(taken));
            Assert.AreEqual("c", taken.Id, "an empty queue leaves the destination untouched");
        }

        [TestMethod]
        public static void Refuses_a_command_when_full_and_keeps_the_queued_ones()
        {
            var queue = new CommandQueue(2);
            Assert.IsTrue(queue.TryEnqueue(NewCommand("a", CommandType.Start)));
            Assert.IsTrue(queue.TryEnqueue(NewCommand("b", CommandType.Stop)));
            Assert.IsFalse(queue.TryEnqueue(NewCommand("c", CommandType.Lock)), "third command in a queue of 2");
            Assert.AreEqual(2, queue.Count);

            var taken = new Command();
            Assert.IsTrue(queue.TryTake(taken));
            Assert.AreEqual("a", taken.Id);
            Assert.IsTrue(queue.TryEnqueue(NewCommand("d", CommandType.Unlock)), "room again after a take");
            Assert.IsTrue(queue.TryTake(taken));
            Assert.AreEqual("b", taken.Id);
            Assert.IsTrue(queue.TryTake(taken));
            Assert.AreEqual("d", taken.Id);
        }

        [TestMethod]
        public static void Copies_every_field_so_the_producer_can_reuse_its_command()
        {
            var queue = new CommandQueue(1);
            Command source = NewCommand("start-1", CommandType.Start);
            source.Account = "acct-9";
            source.HasLimit = true;
            source.LimitAScaled = 1650;
            source.HasTariff = true;
            source.TariffPerKwhScaled = 3150;
            source.DurationS = 77;
            source.HasMaxEnergy = true;
            source.MaxEnergyWh = 12500;
            source.HasMaxDuration = true;
            source.MaxDurationS = 3600;
            source.HasMaxAmount = true;
            source.MaxAmountScaled = 50000;
            Assert.IsTrue(queue.TryEnqueue(source));
            source.Clear();

            var taken = new Command();
            Assert.IsTrue(queue.TryTake(taken));
            Assert.AreEqual((int)CommandType.Start, (int)taken.Type);
            Assert.AreEqual("start-1", taken.Id);
            Assert.AreEqual("P-017", taken.PodId);
            Assert.AreEqual(1767225600L, taken.TimestampUtcS);
            Assert.AreEqual("0123456789abcdef", taken.Nonce);
            Assert.AreEqual("acct-9", taken.Account);
            Assert.IsTrue(taken.HasLimit);
            Assert.AreEqual(1650L, taken.LimitAScaled);
            Assert.IsTrue(taken.HasTariff);
            Assert.AreEqual(3150L, taken.TariffPerKwhScaled);
            Assert.AreEqual(77, taken.DurationS);
            Assert.IsTrue(taken.HasMaxEnergy && taken.HasMaxDuration && taken.HasMaxAmount);
            Assert.AreEqual(12500L, taken.MaxEnergyWh);
            Assert.AreEqual(3600, taken.MaxDurationS);
            Assert.AreEqual(50000L, taken.MaxAmountScaled);
        }

        [DataRow(0)]
        [DataRow(33)]
        [TestMethod]
        public static void Refuses_a_capacity_outside_1_to_32(int capacity)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new CommandQueue(capacity));
        }

        [TestMethod]
        public static void Wraps_around_many_times_without_losing_order()
        {
            var queue = new CommandQueue(3);
            var taken = new Command();
            string[] ids = { "a", "b", "c", "d", "e" };
            for (int round = 0; round < 20; round++)
            {
                Assert.IsTrue(queue.TryEnqueue(NewCommand(ids[round % 5], CommandType.Stop)));
                Assert.IsTrue(queue.TryEnqueue(NewCommand(ids[(round + 1) % 5], CommandType.Stop)));
                Assert.IsTrue(queue.TryTake(taken));
                Assert.AreEqual(ids[round % 5], taken.Id);
                Assert.IsTrue(queue.TryTake(taken));
                Assert.AreEqual(ids[(round + 1) % 5], taken.Id);
                Assert.AreEqual(0, queue.Count);
            }
        }
    }
}
