using System;
using System.Runtime.CompilerServices;
using System.Collections;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Assertions with the board package's names and signatures. A failure throws
    /// <see cref="AssertFailedException"/> with the expected and actual values in its message.
    /// </summary>
    /// <remarks>
    /// The overloads are spelled out per type because the board package has no generics and a test
    /// must bind to the same overload here as it does there.
    /// </remarks>
    public class Assert
    {
        private static void Check(bool equalWanted, object expected, object actual, bool areEqual, string name, string message)
        {
            if (areEqual != equalWanted)
            {
                Fail(name, equalWanted
                    ? "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">."
                    : "Expected any value except:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        private static string Show(object value)
        {
            return value == null ? "(null)" : value.ToString();
        }

        private static void Fail(string name, string detail, string message)
        {
            throw new AssertFailedException("Assert." + name + " failed. " + detail + (string.IsNullOrEmpty(message) ? "" : " " + message));
        }

        private static void That(bool condition, string name, string detail, string message)
        {
            if (!condition)
            {
                Fail(name, detail, message);
            }
        }
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, expected == actual, "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, expected == actual, "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(bool expected, bool actual, string message = "") => Check(true, expected, actual, expected == actual, "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(bool expected, bool actual, string message = "") => Check(false, expected, actual, expected == actual, "NotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, expected == actual, "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(byte expected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, expected == actual, "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(byte expected, byte actual, string message = "") => Check(true, expected, actual, expected == actual, "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(byte expected, byte actual, string message = "") => Check(false, expected, actual, expected == actual, "NotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, expected == actual, "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(char expected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, expected == actual, "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(char expected, char actual, string message = "") => Check(true, expected, actual, expected == actual, "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(char expected, char actual, string message = "") => Check(false, expected, actual, expected == actual, "NotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, expected == actual, "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(DateTime expected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, expected == actual, "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(DateTime expected, DateTime actual, string message = "") => Check(true, expected, actual, expected == actual, "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(DateTime expected, DateTime actual, string message = "") => Check(false, expected, actual, expected == actual, "NotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, expected.Equals(actual), "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(double expected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, expected.Equals(actual), "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(double expected, double actual, string message = "") => Check(true, expected, actual, expected.Equals(actual), "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(double expected, double actual, string message = "") => Check(false, expected, actual, expected.Equals(actual), "NotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, expected.Equals(actual), "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(float expected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, expected.Equals(actual), "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(float expected, float actual, string message = "") => Check(true, expected, actual, expected.Equals(actual), "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(float expected, float actual, string message = "") => Check(false, expected, actual, expected.Equals(actual), "NotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, expected == actual, "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, expected == actual, "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(int expected, int actual, string message = "") => Check(true, expected, actual, expected == actual, "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(int expected, int actual, string message = "") => Check(false, expected, actual, expected == actual, "NotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, expected == actual, "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, expected == actual, "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(long expected, long actual, string message = "") => Check(true, expected, actual, expected == actual, "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(long expected, long actual, string message = "") => Check(false, expected, actual, expected == actual, "NotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, object.Equals(expected, actual), "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, object.Equals(expected, actual), "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, expected == actual, "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(sbyte expected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, expected == actual, "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(sbyte expected, sbyte actual, string message = "") => Check(true, expected, actual, expected == actual, "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(sbyte expected, sbyte actual, string message = "") => Check(false, expected, actual, expected == actual, "NotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, expected == actual, "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(short expected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, expected == actual, "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(short expected, short actual, string message = "") => Check(true, expected, actual, expected == actual, "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(short expected, short actual, string message = "") => Check(false, expected, actual, expected == actual, "NotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, string.Equals(expected, actual), "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, string.Equals(expected, actual), "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(string expected, string actual, string message = "") => Check(true, expected, actual, string.Equals(expected, actual), "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(string expected, string actual, string message = "") => Check(false, expected, actual, string.Equals(expected, actual), "NotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, expected == actual, "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, expected == actual, "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(uint expected, uint actual, string message = "") => Check(true, expected, actual, expected == actual, "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(uint expected, uint actual, string message = "") => Check(false, expected, actual, expected == actual, "NotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, expected == actual, "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(ulong expected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, expected == actual, "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(ulong expected, ulong actual, string message = "") => Check(true, expected, actual, expected == actual, "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(ulong expected, ulong actual, string message = "") => Check(false, expected, actual, expected == actual, "NotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(true, expected, actual, expected == actual, "AreEqual", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void AreNotEqual(ushort expected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "") => Check(false, expected, actual, expected == actual, "AreNotEqual", message);
        /// <summary>Fails unless the two values are equal.</summary>
        public static void Equal(ushort expected, ushort actual, string message = "") => Check(true, expected, actual, expected == actual, "Equal", message);
        /// <summary>Fails unless the two values differ.</summary>
        public static void NotEqual(ushort expected, ushort actual, string message = "") => Check(false, expected, actual, expected == actual, "NotEqual", message);
        /// <summary>Fails unless both arrays have the same length and equal elements.</summary>
        public static void Equal(Array expected, Array actual, string message = "") => That(expected.SequenceEqual(actual), "Equal", "The arrays differ.", message);

        /// <summary>Fails if both arrays have the same length and equal elements.</summary>
        public static void NotEqual(Array expected, Array actual, string message = "") => That(!expected.SequenceEqual(actual), "NotEqual", "The arrays are equal.", message);

        /// <summary>Fails unless <paramref name="condition"/> is true.</summary>
        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") => That(condition, "IsTrue", "", message);

        /// <summary>Fails unless <paramref name="condition"/> is true.</summary>
        public static void True(bool condition, string message = "") => That(condition, "True", "", message);

        /// <summary>Fails unless <paramref name="condition"/> is false.</summary>
        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") => That(!condition, "IsFalse", "", message);

        /// <summary>Fails unless <paramref name="condition"/> is false.</summary>
        public static void False(bool condition, string message = "") => That(!condition, "False", "", message);

        /// <summary>Fails unless <paramref name="value"/> is null.</summary>
        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "") => That(value == null, "IsNull", "Actual:<" + Show(value) + ">.", message);

        /// <summary>Fails unless <paramref name="value"/> is null.</summary>
        public static void Null(object value, string message = "") => That(value == null, "Null", "Actual:<" + Show(value) + ">.", message);

        /// <summary>Fails if <paramref name="value"/> is null.</summary>
        public static void IsNotNull(object value, [CallerArgumentExpression(nameof(value))] string message = "") => That(value != null, "IsNotNull", "", message);

        /// <summary>Fails if <paramref name="value"/> is null.</summary>
        public static void NotNull(object value, string message = "") => That(value != null, "NotNull", "", message);

        /// <summary>Fails unless both refer to the same object.</summary>
        public static void AreSame(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => That(ReferenceEquals(expected, actual), "AreSame", "", message);

        /// <summary>Fails unless both refer to the same object.</summary>
        public static void Same(object expected, object actual, string message = "") => That(ReferenceEquals(expected, actual), "Same", "", message);

        /// <summary>Fails if both refer to the same object.</summary>
        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => That(!ReferenceEquals(notExpected, actual), "AreNotSame", "", message);

        /// <summary>Fails if both refer to the same object.</summary>
        public static void NotSame(object notExpected, object actual, string message = "") => That(!ReferenceEquals(notExpected, actual), "NotSame", "", message);

        /// <summary>Fails unless <paramref name="actual"/> contains <paramref name="expected"/>.</summary>
        public static void Contains(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") => That(actual != null && expected != null && actual.Contains(expected), "Contains", "<" + Show(actual) + "> does not contain <" + Show(expected) + ">.", message);

        /// <summary>Fails if <paramref name="actual"/> contains <paramref name="expected"/>.</summary>
        public static void DoesNotContains(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") => That(actual == null || expected == null || !actual.Contains(expected), "DoesNotContains", "<" + Show(actual) + "> contains <" + Show(expected) + ">.", message);

        /// <summary>Fails unless <paramref name="actual"/> starts with <paramref name="expected"/>.</summary>
        public static void StartsWith(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") => That(actual != null && expected != null && actual.StartsWith(expected, StringComparison.Ordinal), "StartsWith", "<" + Show(actual) + "> does not start with <" + Show(expected) + ">.", message);

        /// <summary>Fails unless <paramref name="actual"/> ends with <paramref name="expected"/>.</summary>
        public static void EndsWith(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") => That(actual != null && expected != null && actual.EndsWith(expected, StringComparison.Ordinal), "EndsWith", "<" + Show(actual) + "> does not end with <" + Show(expected) + ">.", message);

        /// <summary>Fails unless <paramref name="value"/> is an instance of <paramref name="expectedType"/> or a subtype.</summary>
        public static void IsInstanceOfType(object value, Type expectedType, [CallerArgumentExpression(nameof(value))] string message = "") => That(value != null && expectedType.IsInstanceOfType(value), "IsInstanceOfType", "", message);

        /// <summary>Fails if <paramref name="value"/> is an instance of <paramref name="wrongType"/>.</summary>
        public static void IsNotInstanceOfType(object value, Type wrongType, [CallerArgumentExpression(nameof(value))] string message = "") => That(value == null || !wrongType.IsInstanceOfType(value), "IsNotInstanceOfType", "", message);

        /// <summary>Fails unless <paramref name="value"/> is an instance of <paramref name="expectedType"/> or a subtype.</summary>
        public static void IsType(Type expectedType, object value, string message = "") => That(value != null && expectedType.IsInstanceOfType(value), "IsType", "", message);

        /// <summary>Fails if <paramref name="value"/> is an instance of <paramref name="wrongType"/>.</summary>
        public static void IsNotType(Type wrongType, object value, string message = "") => That(value == null || !wrongType.IsInstanceOfType(value), "IsNotType", "", message);

        /// <summary>Fails unless the collection has no elements.</summary>
        public static void Empty(ICollection collection, string message = "") => That(collection != null && collection.Count == 0, "Empty", "", message);

        /// <summary>Fails if the collection is null or has no elements.</summary>
        public static void NotEmpty(ICollection collection, string message = "") => That(collection != null && collection.Count > 0, "NotEmpty", "", message);

        /// <summary>Skips the current test (or, from a Setup method, the whole class).</summary>
        public static void SkipTest(string message = "") => throw new SkipTestException(message, null);

        /// <summary>Fails unless <paramref name="action"/> throws exactly <paramref name="exceptionType"/>.</summary>
        public static void ThrowsException(Type exceptionType, Action action, [CallerArgumentExpression(nameof(action))] string message = "") => ExpectThrow(exceptionType, action, "ThrowsException", message);

        /// <summary>Fails unless <paramref name="action"/> throws exactly <paramref name="exceptionType"/>.</summary>
        public static void Throws(Type exceptionType, Action action, string message = "") => ExpectThrow(exceptionType, action, "Throws", message);

        private static void ExpectThrow(Type exceptionType, Action action, string name, string message)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                That(ex.GetType() == exceptionType, name, "Expected exception " + exceptionType.FullName + ", got " + ex.GetType().FullName + ": " + ex.Message, message);
                return;
            }

            Fail(name, "Expected exception " + exceptionType.FullName + ", none was thrown.", message);
        }
    }

    /// <summary>Assertions on collections, with the board package's names and signatures.</summary>
    public class CollectionAssert
    {
        /// <summary>Fails unless the collection has no elements.</summary>
        public static void Empty(ICollection collection, string message = "") => Assert.Empty(collection, message);

        /// <summary>Fails if the collection is null or has no elements.</summary>
        public static void NotEmpty(ICollection collection, string message = "") => Assert.NotEmpty(collection, message);

        /// <summary>Fails unless both collections have the same elements in the same order.</summary>
        public static void AreEqual(ICollection expected, ICollection actual, string message = "") => Assert.IsTrue(SameElements(expected, actual), "CollectionAssert.AreEqual: " + message);

        /// <summary>Fails if both collections have the same elements in the same order.</summary>
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "") => Assert.IsFalse(SameElements(notExpected, actual), "CollectionAssert.AreNotEqual: " + message);

        private static bool SameElements(ICollection a, ICollection b)
        {
            if (a == null || b == null)
            {
                return ReferenceEquals(a, b);
            }

            if (a.Count != b.Count)
            {
                return false;
            }

            IEnumerator ea = a.GetEnumerator();
            IEnumerator eb = b.GetEnumerator();
            while (ea.MoveNext() && eb.MoveNext())
            {
                if (!Equals(ea.Current, eb.Current))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
