using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Commands
{
    /// <summary>Config section <c>commands</c>: how signed commands are verified and queued to the control tick.</summary>
    /// <remarks>Read at boot; not thread-safe.</remarks>
    public sealed class CommandsConfig : IConfigSection
    {
        /// <summary>Default <see cref="QueueCapacity"/>: commands waiting for the tick.</summary>
        public const int DefaultQueueCapacity = 8;

        /// <summary><c>commands.keyHex</c>: the pod's HMAC-SHA256 key, 64..128 hex digits (32..64 bytes). Required, per pod; no default.</summary>
        public string KeyHex = "";

        /// <summary><c>commands.windowS</c>: accepted difference between a command's ts and the pod's clock, either side, s, 1..3600. Default 120.</summary>
        public int WindowS = CommandAuthenticator.DefaultWindowS;

        /// <summary><c>commands.replayCapacity</c>: accepted command ids and nonces remembered, 1..4096. Default 64.</summary>
        public int ReplayCapacity = CommandAuthenticator.DefaultReplayCapacity;

        /// <summary><c>commands.queueCapacity</c>: verified commands waiting for the control tick, 1..32; a command arriving when full gets <c>busy</c>. Default 8.</summary>
        public int QueueCapacity = DefaultQueueCapacity;

        /// <summary><c>commands.keyId</c>: the id of <see cref="KeyHex"/>, named by an envelope's <c>kid</c>, 1..16 printable ASCII characters without spaces. Default <c>k1</c>.</summary>
        public string KeyId = CommandKeys.DefaultKeyId;

        /// <summary><c>commands.keyGraceS</c>: how long the previous key stays valid after a <c>rotate_key</c>, s, 0..2592000 (30 days). Default 86400.</summary>
        public int KeyGraceS = CommandKeys.DefaultGraceS;

        /// <summary>Checks every key; problems go to <paramref name="errors"/> named <c>keyPrefix.key</c>.</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            CommandAuthenticator.CheckConfig(errors, keyPrefix, KeyHex, WindowS, ReplayCapacity);
            errors.Range(keyPrefix + ".queueCapacity", QueueCapacity, CommandQueue.MinCapacity, CommandQueue.MaxCapacity, "");
            if (!CommandKeys.IsKeyId(KeyId))
            {
                errors.Fail(keyPrefix + ".keyId", "must be 1 to 16 printable ASCII characters without spaces");
            }

            errors.Range(keyPrefix + ".keyGraceS", KeyGraceS, 0, 2592000, "s");
        }

        /// <summary>Builds the authenticator for <paramref name="podId"/> from these settings, its keys in RAM only. Call only after <see cref="Validate"/> found no problem. Boot only: allocates.</summary>
        public CommandAuthenticator CreateAuthenticator(string podId)
        {
            return CreateAuthenticator(podId, null, false);
        }

        /// <summary>
        /// Builds the authenticator for <paramref name="podId"/>: its key ring starts from <see cref="KeyHex"/> and
        /// <see cref="KeyId"/> and is restored from <paramref name="store"/> (<see cref="CommandKeys.Restore"/>). Call only
        /// after <see cref="Validate"/> found no problem. Boot only: allocates.
        /// </summary>
        /// <param name="podId">This pod's id.</param>
        /// <param name="store">The pod's flash, holding the key ring across reboots; null keeps it in RAM.</param>
        /// <param name="productionBuild"><c>true</c> on a production build: commands checked with the public demo key are refused.</param>
        public CommandAuthenticator CreateAuthenticator(string podId, IBlobStore store, bool productionBuild)
        {
            var keys = new CommandKeys(KeyId, Hex.TryDecode(KeyHex), KeyGraceS, store);
            keys.RefuseDemoKey = productionBuild;
            keys.Restore();
            return new CommandAuthenticator(podId, keys, WindowS, ReplayCapacity);
        }
    }
}
