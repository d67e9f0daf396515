using System.Collections.Generic;
using System.IO;
using PodFirmware.Host.Mqtt;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// The private test broker's port: picked below the kernel's ephemeral range, so an outgoing connection
    /// cannot take it while the broker is down for an outage and its restart then fail.
    /// </summary>
    public class MosquittoBrokerTests
    {
        [Fact]
        public void Picked_ports_lie_between_10000_and_the_start_of_the_kernels_ephemeral_range()
        {
            int ephemeralLow = MosquittoBroker.EphemeralLow("/proc/sys/net/ipv4/ip_local_port_range");

            for (int i = 0; i < 50; i++)
            {
                int port = MosquittoBroker.PickFreeLoopbackPort();
                Assert.InRange(port, MosquittoBroker.LowestPickedPort, ephemeralLow - 1);
            }
        }

        [Fact]
        public void One_process_never_hands_out_the_same_port_twice()
        {
            var seen = new HashSet<int>();

            for (int i = 0; i < 500; i++)
            {
                Assert.True(seen.Add(MosquittoBroker.PickFreeLoopbackPort()), "port handed out twice");
            }
        }

        [Theory]
        [InlineData("40000\t60999\n", 40000)]
        [InlineData("20000 30000", 20000)]
        [InlineData("", 32768)]
        [InlineData("many ports", 32768)]
        [InlineData("70000\t80000\n", 32768)]
        public void The_ephemeral_range_start_is_read_from_the_kernels_file_or_is_linuxs_default(string content, int expected)
        {
            string file = Path.GetTempFileName();
            try
            {
                File.WriteAllText(file, content);
                Assert.Equal(expected, MosquittoBroker.EphemeralLow(file));
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void A_missing_range_file_gives_linuxs_default()
        {
            Assert.Equal(32768, MosquittoBroker.EphemeralLow(Path.Combine(Path.GetTempPath(), "no-such-dir-for-pod", "range")));
        }

        [Fact]
        public void A_broker_stopped_and_started_again_listens_on_its_port_again()
        {
            using var broker = new MosquittoBroker();
            int port = broker.Port;

            broker.Stop();
            Assert.False(broker.IsRunning);
            broker.Start();

            Assert.True(broker.IsRunning);
            Assert.Equal(port, broker.Port);
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, port);
            Assert.True(client.Connected);
        }
    }
}
