using System;
using System.Security.Cryptography;
using PodFirmware.Drivers.Crypto;
using Xunit;

namespace PodFirmware.Host.Tests.Drivers.Crypto
{
    /// <summary>The portable <see cref="HmacSha256"/> against the runtime's HMAC-SHA256 on random keys, lengths and bytes.</summary>
    public class HmacSha256ReferenceTests
    {
        [Fact]
        public void Matches_the_runtime_on_every_length_to_600_and_random_keys_of_1_to_64_bytes()
        {
            var random = new Random(12);
            var hmac = new HmacSha256();
            var output = new byte[HmacSha256.HashBytes];
            for (int length = 0; length <= 600; length++)
            {
                var key = new byte[1 + random.Next(64)];
                random.NextBytes(key);
                var data = new byte[length + random.Next(8)];
                random.NextBytes(data);
                hmac.Compute(key, data, length, output);
                Assert.Equal(HMACSHA256.HashData(key, data.AsSpan(0, length)), output);
            }
        }
    }
}
