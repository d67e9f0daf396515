using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Adapters;

namespace PodFirmware.Tests.Drivers.Adapters
{
    [TestClass]
    public class ActiveLevelTests
    {
        [DataRow(0, 0)]
        [DataRow(1, 1)]
        [TestMethod]
        public static void A_new_output_drives_its_off_level_at_once_and_reports_de_energised(int activeLow, int offLevelHigh)
        {
            var line = new FakePinLine { Level = offLevelHigh == 0 };
            var output = new ActiveLevelOutput(line, activeLow != 0);
            Assert.AreEqual(1, line.Writes, "written in the constructor");
            Assert.AreEqual(offLevelHigh != 0, line.Level, "off level: low when active-high, high when active-low");
            Assert.IsFalse(output.IsEnergised);
        }

        [DataRow(0, 1, 1)]
        [DataRow(0, 0, 0)]
        [DataRow(1, 1, 0)]
        [DataRow(1, 0, 1)]
        [TestMethod]
        public static void An_output_maps_energised_to_the_level_its_polarity_needs(int activeLow, int energised, int levelHigh)
        {
            var line = new FakePinLine();
            var output = new ActiveLevelOutput(line, activeLow != 0);
            output.Write(energised != 0);
            Assert.AreEqual(levelHigh != 0, line.Level);
            Assert.AreEqual(energised != 0, output.IsEnergised);
            Assert.AreEqual(levelHigh != 0, ActiveLevelOutput.LevelFor(energised != 0, activeLow != 0));
        }

        [DataRow(0, 1, 1)]
        [DataRow(0, 0, 0)]
        [DataRow(1, 1, 0)]
        [DataRow(1, 0, 1)]
        [TestMethod]
        public static void An_input_is_active_at_the_level_its_polarity_names(int activeLow, int levelHigh, int active)
        {
            var line = new FakePinLine { Level = levelHigh != 0 };
            var input = new ActiveLevelInput(line, activeLow != 0);
            Assert.AreEqual(active != 0, input.Read());
        }

        [TestMethod]
        public static void An_input_samples_the_line_at_every_read()
        {
            var line = new FakePinLine { Level = false };
            var input = new ActiveLevelInput(line, true);
            Assert.IsTrue(input.Read(), "low on an active-low contact: closed");
            line.Level = true;
            Assert.IsFalse(input.Read(), "released: pulled high");
        }

        [TestMethod]
        public static void Both_refuse_a_missing_line()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ActiveLevelOutput(null, false));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ActiveLevelInput(null, false));
        }
    }
}
