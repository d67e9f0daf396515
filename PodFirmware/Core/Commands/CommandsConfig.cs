using PodFirmware.Drivers.Config;

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

        /// <summary>Checks every key; problems go to <paramref name="errors"/> named <c>keyPrefix.key</c>.</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            CommandAuthenticator.CheckConfig(errors, keyPrefix, KeyHex, WindowS, ReplayCapacity);
            errors.Range(keyPrefix + ".queueCapacity", QueueCapacity, CommandQueue.MinCapacity, CommandQueue.MaxCapacity, "");
        }

        /// <summary>Builds the authenticator for <paramref name="podId"/> from these settings. Call only after <see cref="Validate"/> found no problem. Boot only: allocates.</summary>
        public CommandAuthenticator CreateAuthenticator(string podId)
        {
            return new CommandAuthenticator(podId, Hex.TryDecode(KeyHex), WindowS, ReplayCapacity);
        }
    }
}
