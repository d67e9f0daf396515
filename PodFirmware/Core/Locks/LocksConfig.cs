using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Locks
{
    /// <summary>Lock and movement configuration (JSON section <c>locks</c>); docs/locks.md lists every key.</summary>
    /// <remarks>Boot-time configuration: validation allocates. Not thread-safe.</remarks>
    public sealed class LocksConfig : IConfigSection
    {
        /// <summary>Most accounts <see cref="MoveAccounts"/> may list.</summary>
        public const int MaxMoveAccounts = 32;

        /// <summary>Longest account name in characters.</summary>
        public const int MaxAccountLength = 64;

        /// <summary>
        /// Time a lock may take to reach a commanded position, in milliseconds, 100 to 10000. Default 2000: four times
        /// the ~500 ms a solenoid or geared-motor lock takes, so a sluggish cold lock is not called faulty.
        /// </summary>
        public int TravelTimeoutMs = 2000;

        /// <summary>Longest move after an unlock before the pod relocks by itself, in milliseconds, 10000 to 3600000. Default 600000 (10 min).</summary>
        public int MoveTimeoutMs = 600000;

        /// <summary>Accounts allowed to unlock (move) the pod; 0 to 32 entries of 1 to 64 characters. Default empty: nobody may unlock.</summary>
        public string[] MoveAccounts = new string[0];

        /// <summary>Reports every bad key, each named by its dotted path under <paramref name="keyPrefix"/> (e.g. <c>locks.moveAccounts[2]</c>).</summary>
        /// <param name="keyPrefix">Dotted path of this object, normally <c>locks</c>.</param>
        /// <param name="errors">Collects the problems.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".travelTimeoutMs", TravelTimeoutMs, 100, 10000, "ms");
            errors.Range(keyPrefix + ".moveTimeoutMs", MoveTimeoutMs, 10000, 3600000, "ms");
            if (MoveAccounts == null)
            {
                errors.Fail(keyPrefix + ".moveAccounts", "missing");
                return;
            }

            if (MoveAccounts.Length > MaxMoveAccounts)
            {
                errors.Fail(keyPrefix + ".moveAccounts", "at most " + MaxMoveAccounts.ToString() + " accounts, has " + MoveAccounts.Length.ToString());
            }

            for (int i = 0; i < MoveAccounts.Length; i++)
            {
                string account = MoveAccounts[i];
                if (account == null || account.Length == 0 || account.Length > MaxAccountLength)
                {
                    errors.Fail(keyPrefix + ".moveAccounts[" + i.ToString() + "]", "must be 1 to " + MaxAccountLength.ToString() + " characters");
                }
            }
        }
    }
}
