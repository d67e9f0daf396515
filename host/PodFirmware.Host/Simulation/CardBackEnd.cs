using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using PodFirmware.Drivers.Card;

namespace PodFirmware.Host.Simulation
{
    /// <summary>
    /// The simulated back end's side of card authorisation (docs/mqtt.md, "Card at the pod"): it knows cards by UID and
    /// account, hashes each UID with the site's key (<c>card.hashKeyHex</c>) as the pods do, and answers an authorisation
    /// request with the command it would sign: a <c>start</c> for the card's account, or a <c>refuse_card</c> for an unknown
    /// card, both with the read's id as their id and the hashed card.
    /// </summary>
    public sealed class CardBackEnd
    {
        /// <summary>The reason of the refusal of an unknown card.</summary>
        public const string UnknownCardReason = "unknown card";

        private readonly Dictionary<ulong, string> _accounts = new Dictionary<ulong, string>();
        private readonly ulong _k0;
        private readonly ulong _k1;

        /// <summary>A back end with no cards, hashing under <paramref name="hashKeyHex"/> (32 hex digits).</summary>
        public CardBackEnd(string hashKeyHex)
        {
            byte[] key = Convert.FromHexString(hashKeyHex);
            _k0 = SipHash.KeyHalf(key, 0);
            _k1 = SipHash.KeyHalf(key, 8);
        }

        /// <summary>Knows the card <paramref name="uidHex"/> (4, 7 or 10 bytes in hex) as <paramref name="account"/>'s.</summary>
        public void Add(string uidHex, string account)
        {
            _accounts[Hash(uidHex)] = account;
        }

        /// <summary>The hash the pods publish for <paramref name="uidHex"/>, as 16 lowercase hex digits.</summary>
        public string HashHex(string uidHex) => CardGate.ToHex(Hash(uidHex));

        /// <summary>
        /// Reads a cards file: one card per line, <c>&lt;uid-hex&gt; &lt;account&gt;</c>; <c>#</c> starts a comment.
        /// </summary>
        /// <exception cref="FormatException">A line that is not a UID and an account.</exception>
        public void Load(string path)
        {
            int number = 0;
            foreach (string raw in File.ReadAllLines(path))
            {
                number++;
                string line = raw.Split('#')[0].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2)
                {
                    throw new FormatException(path + ":" + number + ": expected '<uid-hex> <account>'");
                }

                Add(parts[0], parts[1]);
            }
        }

        /// <summary>The command (unsigned JSON) answering the authorisation request <paramref name="requestJson"/>; null when it is not one.</summary>
        public string Answer(string requestJson)
        {
            JsonObject request;
            try
            {
                request = JsonNode.Parse(requestJson) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }

            string id = request?["id"]?.GetValue<string>();
            string card = request?["card"]?.GetValue<string>();
            if (id == null || card == null || !CardGate.TryParseHex(card, out ulong hash))
            {
                return null;
            }

            var command = new JsonObject { ["id"] = id, ["card"] = card };
            if (_accounts.TryGetValue(hash, out string account))
            {
                command["type"] = "start";
                command["account"] = account;
            }
            else
            {
                command["type"] = "refuse_card";
                command["reason"] = UnknownCardReason;
            }

            return command.ToJsonString();
        }

        private ulong Hash(string uidHex)
        {
            byte[] uid = Convert.FromHexString(uidHex);
            return SipHash.Compute(_k0, _k1, uid, uid.Length);
        }
    }
}
