using System;

namespace PodFirmware.Drivers.Mqtt
{
    /// <summary><see cref="IRandomSource"/> over <see cref="Random"/>.</summary>
    /// <remarks>Not thread-safe, like <see cref="Random"/>: one owner thread.</remarks>
    public sealed class RandomSource : IRandomSource
    {
        private readonly Random _random;

        /// <summary>Seeded from the platform's default (time-based) seed.</summary>
        public RandomSource()
        {
            _random = new Random();
        }

        /// <summary>Seeded with <paramref name="seed"/>: the same sequence on every run of one platform.</summary>
        public RandomSource(int seed)
        {
            _random = new Random(seed);
        }

        /// <inheritdoc />
        public int Next(int maxExclusive)
        {
            return maxExclusive <= 1 ? 0 : _random.Next(maxExclusive);
        }
    }
}
