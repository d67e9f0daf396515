using System;
using PodFirmware.Json;
using Xunit;
using PodFirmware.Host.Tests.Support;

namespace PodFirmware.Host.Tests.Json
{
    /// <summary>The writer runs in the control tick, where the nanoFramework GC would stop the world: it must allocate nothing.</summary>
    [Collection(AllocationMeasurement.Name)]
    public class JsonWriterAllocationTests
    {
        private static readonly string[] Names = { "P-017", "P-018 \"east\"", "Pod\u00e9\u20ac\ud83d\ude00" };

        private static void WriteStatus(JsonWriter w, int i)
        {
            w.Reset();
            w.BeginObject();
            w.String("pod", Names[i % Names.Length]);
            w.Int("seq", i);
            w.Int("uptimeMs", 1_000_000_000_000L + i);
            w.Decimal("tempC", 20.0 + (i % 600) * 0.1, 1);
            w.Decimal("currentA", -0.05 + (i % 3300) * 0.01, 2);
            w.Fixed("voltageV", 2300 + (i % 7), 1);
            w.Bool("relay", (i & 1) == 0);
            w.Null("fault");
            w.BeginArray("ntcC");
            w.Fixed(705, 1);
            w.Decimal(double.NaN, 1);
            w.Int(long.MinValue);
            w.EndArray();
            w.BeginObject("limits");
            w.Fixed("maxA", 3200, 2);
            w.String("mode", "normal\n");
            w.EndObject();
            w.EndObject();
        }

        [Fact]
        public void Writing_10000_status_documents_allocates_nothing_after_warm_up()
        {
            var w = new JsonWriter(512);
            for (int i = 0; i < 200; i++)
            {
                WriteStatus(w, i);
            }

            Assert.True(w.IsComplete, w.ToString());
            long before = AllocationWindow.Begin();
            for (int i = 0; i < 10_000; i++)
            {
                WriteStatus(w, i);
            }

            long allocated = AllocationWindow.End(before);
            Assert.True(w.IsComplete);
            Assert.Equal(0L, allocated);
        }

        [Fact]
        public void Overflowing_and_misuse_allocate_nothing_either()
        {
            var w = new JsonWriter(16);
            for (int i = 0; i < 100; i++)
            {
                WriteStatus(w, i);
            }

            Assert.True(w.Overflowed);
            long before = AllocationWindow.Begin();
            for (int i = 0; i < 10_000; i++)
            {
                WriteStatus(w, i);
                w.EndArray();
                w.Fixed(1, 99);
            }

            Assert.Equal(0L, AllocationWindow.End(before));
        }
    }
}
