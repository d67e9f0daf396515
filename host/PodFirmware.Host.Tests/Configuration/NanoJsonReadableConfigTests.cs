using System;
using System.Collections;
using System.Collections.Generic;
using PodFirmware.Core.Config;
using PodFirmware.Core.Config.Board;
using PodFirmware.Core.Position;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Sensors;
using Xunit;

namespace PodFirmware.Host.Tests.Configuration
{
    /// <summary>
    /// The config classes the board reads with nanoFramework.Json (<see cref="PodConfig"/> and <see cref="BoardConfig"/>,
    /// with every section reachable from them) hold only member types it can read; see <see cref="NanoJsonReadability"/>.
    /// </summary>
    public class NanoJsonReadableConfigTests
    {
        [Theory]
        [InlineData(typeof(PodConfig))]
        [InlineData(typeof(BoardConfig))]
        public void Every_class_the_board_loads_holds_only_types_nanoFramework_Json_reads(Type root)
        {
            List<string> problems = NanoJsonReadability.Problems(root);
            Assert.True(problems.Count == 0, root.Name + " holds members nanoFramework.Json cannot read:\n  " + string.Join("\n  ", problems));
        }

        [Fact]
        public void The_walk_reaches_every_section_of_the_pod_config_and_the_pin_map()
        {
            // Guards the walker: if it stopped recursing, the check above would pass blind.
            List<Type> pod = NanoJsonReadability.Reachable(typeof(PodConfig));
            Assert.Contains(typeof(CurrentSensorConfig), pod);
            Assert.Contains(typeof(TemperatureSensorConfig), pod);
            Assert.Contains(typeof(MainsBurstConfig), pod);
            Assert.Contains(typeof(GeofenceConfig), pod);
            Assert.True(pod.Count >= 20, "expected at least 20 config classes under PodConfig, reached " + pod.Count);

            List<Type> board = NanoJsonReadability.Reachable(typeof(BoardConfig));
            Assert.Equal(
                new[] { typeof(BoardConfig), typeof(OutputPins), typeof(InputPins), typeof(AdcChannels), typeof(GnssPins), typeof(PilotPins), typeof(ConsolePins), typeof(CardPins), typeof(OutputPin), typeof(InputPin), typeof(AnalogPin) },
                board.ToArray());
        }

        [Fact]
        public void A_planted_enum_field_is_named()
        {
            List<string> problems = NanoJsonReadability.Problems(typeof(PlantedEnumConfig));
            string problem = Assert.Single(problems);
            Assert.StartsWith("PlantedEnumConfig.Transducer: enum CurrentTransducer", problem);
        }

        [Fact]
        public void Every_planted_member_the_board_cannot_read_is_named_and_nothing_else()
        {
            List<string> problems = NanoJsonReadability.Problems(typeof(PlantedConfig));
            string[] named = problems.ConvertAll(p => p.Substring(0, p.IndexOf(':', StringComparison.Ordinal))).ToArray();
            Assert.Equal(
                new[]
                {
                    "PlantedConfig.Model", "PlantedConfig.MaybeMs", "PlantedConfig.Values", "PlantedConfig.Anything",
                    "PlantedConfig.Section", "PlantedConfig.When", "PlantedConfig.Started", "PlantedConfig.Models",
                    "PlantedConfig.Grid", "PlantedConfig.Untyped", "PlantedConfig.Fixed", "PlantedConfig.Mode",
                    "PlantedSection.Position", "PlantedNoDefaultConstructor",
                },
                named);
        }

        [Fact]
        public void Computed_get_only_properties_are_not_walked()
        {
            // ParsedTransducer (an enum) is computed from the string; no loader writes it.
            Assert.DoesNotContain(NanoJsonReadability.Problems(typeof(CurrentSensorConfig)), p => p.Contains("ParsedTransducer", StringComparison.Ordinal));
            Assert.Empty(NanoJsonReadability.Problems(typeof(CurrentSensorConfig)));
        }
    }

#pragma warning disable CS0649 // planted fields are never assigned: only their types matter
    public sealed class PlantedEnumConfig
    {
        public string Name = "";

        public CurrentTransducer Transducer;
    }

    public sealed class PlantedConfig
    {
        public string Name = "";
        public int Count;
        public long StuckAfterMs;
        public double[] Points = new double[0];
        public string[] Accounts = new string[0];
        public MainsBurstConfig Burst = new MainsBurstConfig();
        public NtcModel Model;
        public int? MaybeMs;
        public List<int> Values = new List<int>();
        public object Anything = new object();
        public IConfigSection Section;
        public DateTime? When;
        public DateTime Started;
        public NtcModel[] Models = new NtcModel[0];
        public int[][] Grid = new int[0][];
        public ArrayList Untyped = new ArrayList();
        public readonly int Fixed = 1;
        public PlantedSection Nested = new PlantedSection();
        public PlantedNoDefaultConstructor Other;

        public NtcPosition Mode { get; set; }

        public NtcPosition Computed => NtcPosition.LowSide;
    }

    public sealed class PlantedSection
    {
        public NtcPosition Position;
    }

    public sealed class PlantedNoDefaultConstructor
    {
        public PlantedNoDefaultConstructor(int value)
        {
            Value = value;
        }

        public int Value;
    }
#pragma warning restore CS0649
}
