using System.IO;
using PodFirmware.Core.Boot;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Core.Commands
{
    /// <summary>The board app refuses the public demo key unless it is built as a bench build (docs/mqtt-signing.md, Demo key).</summary>
    public class ProductionBuildTests
    {
        [Fact]
        public void A_build_without_the_BENCH_symbol_is_a_production_build()
        {
            // The host compiles the same BuildFlavor source as the board, without BENCH.
            Assert.True(BuildFlavor.Production);
        }

        [Fact]
        public void The_board_composition_root_hands_the_build_flavour_to_the_messaging_side()
        {
            string program = File.ReadAllText(Path.Combine(RepoPaths.Root, "PodFirmware", "Device", "Program.cs"));
            Assert.Contains("MessagingStack.TryStartLoop(", program);
            Assert.Contains(", BuildFlavor.Production);", program);
        }
    }
}
