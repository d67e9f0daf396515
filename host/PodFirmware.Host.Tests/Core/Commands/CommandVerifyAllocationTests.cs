using System;
using System.Linq;
using System.Text;
using PodFirmware.Core.Commands;
using PodFirmware.Drivers.Crypto;
using PodFirmware.Host.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace PodFirmware.Host.Tests.Core.Commands
{
    /// <summary>
    /// What reading and verifying one signed command allocates, in steady state. A forged command allocates nothing
    /// (the HMAC runs in <see cref="HmacSha256"/>'s own buffers). An accepted command allocates only the strings the
    /// queued <see cref="Command"/> and the replay memory keep after the call (id, nonce, account: 3 strings of
    /// 8, 16 and 6 characters here, 26 + 2 × chars bytes each on 64-bit .NET); figures in docs/performance.md.
    /// </summary>
    [Collection(AllocationMeasurement.Name)]
    public class CommandVerifyAllocationTests
    {
        private const string Pod = "P-017";
        private const long NowS = 1_800_000_000;
        private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        private readonly ITestOutputHelper _output;

        public CommandVerifyAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static byte[][] Envelopes(int count, int from, bool forge)
        {
            var envelopes = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                int n = from + i;
                string json = "{\"pod\":\"P-017\",\"id\":\"c-" + n + "\",\"ts\":" + (NowS - 3000 + n) + ",\"nonce\":\"" + n.ToString("x16") + "\",\"type\":\"start\",\"account\":\"acct-9\",\"limitA\":16.00}";
                byte[] bytes = Encoding.UTF8.GetBytes(json);
                envelopes[i] = CommandSigner.Sign(Key, bytes, bytes.Length);
                if (forge)
                {
                    byte[] e = envelopes[i];
                    e[e.Length - 3] = e[e.Length - 3] == (byte)'0' ? (byte)'1' : (byte)'0';
                }
            }

            return envelopes;
        }

        private long BytesPerVerification(bool forge)
        {
            var authenticator = new CommandAuthenticator(Pod, Key, 3600, 64);
            var command = new Command();
            foreach (byte[] e in Envelopes(200, 0, forge))
            {
                authenticator.Verify(e, e.Length, NowS, command);
            }

            byte[][] measured = Envelopes(1000, 200, forge);
            long before = AllocationWindow.Begin();
            foreach (byte[] e in measured)
            {
                CommandAuthResult result = authenticator.Verify(e, e.Length, NowS, command);
                if (result != (forge ? CommandAuthResult.BadSignature : CommandAuthResult.Ok))
                {
                    throw new InvalidOperationException(result + " " + authenticator.LastReason);
                }
            }

            return AllocationWindow.End(before) / measured.Length;
        }

        [Fact]
        public void An_accepted_command_allocates_only_its_id_nonce_and_account_strings()
        {
            long bytes = BytesPerVerification(false);
            _output.WriteLine("accepted: " + bytes + " B per verification");

            // "c-1000" to "c-1199" (6 chars) and their 16-digit nonces, rounded up to 8 bytes: 40 + 64 + 40.
            Assert.True(bytes <= 144, bytes + " B");
        }

        [Fact]
        public void A_forged_command_allocates_nothing()
        {
            long bytes = BytesPerVerification(true);
            _output.WriteLine("forged: " + bytes + " B per verification");
            Assert.Equal(0, bytes);
        }
    }
}
