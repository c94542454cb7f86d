using System.Buffers;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Classet.Boooply.Webhooks.Internal.Signatures;

namespace Classet.Boooply.Webhooks.Internal.Canonical;

/// <summary>
/// Writes a body's canonical JSON forms, each in one streaming pass over the raw bytes straight into one pooled buffer:
/// JavaScript's <c>JSON.stringify(JSON.parse(body))</c> and Python's <c>json.dumps(json.loads(body), separators=(',', ':'))</c>
/// (default <c>ensure_ascii=True</c>), as UTF-8. No tree of the body is built, so what a body can cost is bounded by its
/// size, whatever its shape.
/// </summary>
/// <remarks>
/// <para>
/// The grammar is <see cref="Utf8JsonReader"/>'s strict RFC 8259 one (no comments, trailing commas, <c>NaN</c>,
/// <c>Infinity</c> or byte order mark), which is exactly what both runtimes accept, minus Python's non-standard
/// <c>NaN</c>/<c>Infinity</c> and the BOM both would strip. Strings are transcoded from their raw bytes rather than
/// decoded with <see cref="Utf8JsonReader.GetString"/>, which refuses escaped lone surrogates such as <c>"\ud800"</c>
/// that both runtimes accept and keep. The caller refuses bodies that are not valid UTF-8 (Node would decode them with
/// U+FFFD replacement characters, so the signed text would hold characters the body does not). A scalar at the top level
/// is accepted, as <c>JSON.parse</c> and <c>json.loads</c> accept it.
/// </para>
/// <para>
/// The JavaScript pass is also the one that refuses what could make a re-serialization mean something the raw body does
/// not: duplicate keys (JavaScript keeps the last value at the first key's position, Python the last value, other parsers
/// the first), numbers that do not survive a double (<see cref="CanonicalJsonNumber"/>), nesting deeper than
/// <see cref="MaxDepth"/>. Duplicates are found per object when it closes: each key's hash and position go on a pooled
/// stack (8 bytes per key of the objects still open), the object's entries are sorted by hash, and only keys with equal
/// hashes are compared byte for byte. <see cref="HashCode"/> is seeded per process, so a sender cannot choose keys that
/// collide.
/// </para>
/// <para>
/// <c>JSON.stringify</c> writes an object's integer-like keys (array indices, <c>"0"</c> to <c>"4294967294"</c> in
/// canonical spelling) first, in ascending numeric order, then the other keys in insertion order. Keys are written in
/// body order, and an object whose keys are not already in that order is rearranged in place when it closes: its
/// index-keyed members are set aside in a pooled scratch buffer, the others slide right to their final place, and the set
/// aside members are written in front. Python keeps body order.
/// </para>
/// <para>
/// The JavaScript form only shrinks a body (escapes become characters, whitespace goes), except for number spellings
/// (<c>1e20</c> becomes 21 digits), so its buffer starts at the body's size and grows only for such numbers. The Python
/// form grows non-ASCII text up to sixfold (<c>\u00e9</c> for two bytes): when a hash sink is given, a full buffer is
/// hashed into one HMAC context per key and reused, so the buffer never outgrows the body.
/// </para>
/// </remarks>
internal ref struct CanonicalJsonWriter
{
    public const int MaxDepth = 64;

    private const int MinimumCapacity = 1024;
    private const int InitialMemberCapacity = 64;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private byte[] _buffer;
    private int _length;
    private bool _javaScript;

    // Per key of the objects still open: (hash << 32) | (uint)offset of the key's opening quote in the buffer.
    private long[] _members;
    private int _memberCount;

    // Python pass only: where a full buffer goes instead of growing it.
    private HmacSignatureVerifier? _hashKeys;
    private IncrementalHash[]? _sinks;

    public CanonicalJsonWriter(int bodyLength)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bodyLength, MinimumCapacity));
        _members = [];
    }

    /// <summary>The form written by the last pass; after a flushed Python pass, only its unhashed tail.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>Whether the last Python pass outgrew the buffer, so that <see cref="Written"/> is not the whole form.</summary>
    public readonly bool HasFlushed => _sinks is not null;

    /// <summary>Writes the JavaScript form; false for a body the canonical path refuses. Never throws for any body.</summary>
    public bool TryWriteJavaScript(ReadOnlySpan<byte> utf8Json)
    {
        _javaScript = true;
        _hashKeys = null;
        return Run(utf8Json);
    }

    /// <summary>
    /// Writes the Python form of a body <see cref="TryWriteJavaScript"/> accepted. With <paramref name="hashKeys"/>, a
    /// form larger than the buffer is hashed on the way (see <see cref="FindMatchingKey"/>); without, the buffer grows to
    /// hold it whole.
    /// </summary>
    public bool TryWritePython(ReadOnlySpan<byte> utf8Json, HmacSignatureVerifier? hashKeys)
    {
        DisposeSinks();
        _javaScript = false;
        _hashKeys = hashKeys;
        return Run(utf8Json);
    }

    /// <summary>The index of the first key whose HMAC over the whole form written last equals <paramref name="expected"/>, or -1.</summary>
    public readonly int FindMatchingKey(HmacSignatureVerifier keys, ReadOnlySpan<byte> expected)
    {
        if (_sinks is null)
        {
            return keys.FindMatchingKey(Written, expected);
        }

        Span<byte> actual = stackalloc byte[HmacSignatureVerifier.HashSize];
        var match = -1;
        for (var i = 0; i < _sinks.Length; i++)
        {
            _sinks[i].AppendData(Written);
            _sinks[i].GetHashAndReset(actual);
            if (match < 0 && CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                match = i;
            }
        }

        return match;
    }

    public void Dispose()
    {
        DisposeSinks();
        if (_buffer.Length > 0)
        {
            // Bodies carry candidate data (names, transcripts); do not leave it in a shared pool.
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = [];
        }

        if (_members.Length > 0)
        {
            ArrayPool<long>.Shared.Return(_members);
            _members = [];
        }
    }

    private bool Run(ReadOnlySpan<byte> utf8Json)
    {
        _length = 0;
        _memberCount = 0;
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        try
        {
            // Read past the root so trailing garbage is reported; only whitespace may follow.
            return reader.Read() && WriteValue(ref reader) && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private bool WriteValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return _javaScript ? WriteJavaScriptObject(ref reader) : WritePythonObject(ref reader);
            case JsonTokenType.StartArray:
                return WriteArray(ref reader);
            case JsonTokenType.String:
                WriteString(reader.ValueSpan, reader.ValueIsEscaped);
                return true;
            case JsonTokenType.Number:
                return WriteNumber(reader.ValueSpan);
            case JsonTokenType.True:
                Write("true"u8);
                return true;
            case JsonTokenType.False:
                Write("false"u8);
                return true;
            case JsonTokenType.Null:
                Write("null"u8);
                return true;
            default:
                return false;
        }
    }

    private bool WriteArray(ref Utf8JsonReader reader)
    {
        Write((byte)'[');
        var first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!first)
            {
                Write((byte)',');
            }

            first = false;
            if (!WriteValue(ref reader))
            {
                return false;
            }
        }

        Write((byte)']');
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private bool WritePythonObject(ref Utf8JsonReader reader)
    {
        // A dict keeps insertion order, and json.loads inserts keys in body order: nothing is reordered.
        Write((byte)'{');
        var first = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!first)
            {
                Write((byte)',');
            }

            first = false;
            WriteString(reader.ValueSpan, reader.ValueIsEscaped);
            Write((byte)':');
            if (!reader.Read() || !WriteValue(ref reader))
            {
                return false;
            }
        }

        Write((byte)'}');
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private bool WriteJavaScriptObject(ref Utf8JsonReader reader)
    {
        Write((byte)'{');
        var contentStart = _length;
        var firstMember = _memberCount;
        long lastIndex = -1;
        var sawOtherKey = false;
        var reorder = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (_memberCount > firstMember)
            {
                Write((byte)',');
            }

            var keyStart = _length;
            WriteString(reader.ValueSpan, reader.ValueIsEscaped);
            var key = _buffer.AsSpan(keyStart, _length - keyStart);
            if (TryGetArrayIndex(key[1..^1], out var index))
            {
                // An index key after another key, or below the previous index key, must move forward. (Equal means a
                // duplicate, refused below.)
                reorder |= sawOtherKey || index <= lastIndex;
                lastIndex = index;
            }
            else
            {
                sawOtherKey = true;
            }

            AddMember(key, keyStart);
            Write((byte)':');
            if (!reader.Read() || !WriteValue(ref reader))
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || HasDuplicateKeys(firstMember))
        {
            return false;
        }

        if (reorder)
        {
            MoveIndexKeysFirst(contentStart, firstMember);
        }

        _memberCount = firstMember;
        Write((byte)'}');
        return true;
    }

    private void AddMember(ReadOnlySpan<byte> key, int offset)
    {
        if (_memberCount == _members.Length)
        {
            var larger = ArrayPool<long>.Shared.Rent(Math.Max(InitialMemberCapacity, _members.Length * 2));
            _members.AsSpan(0, _memberCount).CopyTo(larger);
            if (_members.Length > 0)
            {
                ArrayPool<long>.Shared.Return(_members);
            }

            _members = larger;
        }

        var hash = default(HashCode);
        hash.AddBytes(key);
        _members[_memberCount++] = ((long)(uint)hash.ToHashCode() << 32) | (uint)offset;
    }

    /// <summary>Whether two keys of the object whose members start at <paramref name="firstMember"/> are equal.</summary>
    private readonly bool HasDuplicateKeys(int firstMember)
    {
        // Keys are compared in their canonical spelling, which is one spelling per string: equal bytes, equal keys.
        var members = _members.AsSpan(firstMember, _memberCount - firstMember);
        if (members.Length < 2)
        {
            return false;
        }

        members.Sort();
        var runStart = 0;
        for (var i = 1; i <= members.Length; i++)
        {
            if (i < members.Length && (members[i] >> 32) == (members[runStart] >> 32))
            {
                continue;
            }

            // Equal hashes: almost always the same key, or else a rare collision; compare the keys themselves.
            for (var j = runStart; j < i; j++)
            {
                for (var k = j + 1; k < i; k++)
                {
                    if (Key((int)(uint)members[j]).SequenceEqual(Key((int)(uint)members[k])))
                    {
                        return true;
                    }
                }
            }

            runStart = i;
        }

        return false;
    }

    /// <summary>
    /// Puts the object's index-keyed members first, in ascending numeric order, before the others in body order, as
    /// <c>OrdinaryOwnPropertyKeys</c> orders them. The object's content is <c>[contentStart, _length)</c>.
    /// </summary>
    private readonly void MoveIndexKeysFirst(int contentStart, int firstMember)
    {
        // Body order is key position order: swap each entry's halves to (offset << 32) | hash and sort.
        var members = _members.AsSpan(firstMember, _memberCount - firstMember);
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = (long)BitOperations.RotateLeft((ulong)members[i], 32);
        }

        members.Sort();
        var buffer = _buffer;
        var contentEnd = _length;

        // A member runs from its key's quote to just before the comma that precedes the next key.
        int Start(ReadOnlySpan<long> all, int i) => (int)(all[i] >> 32);
        int End(ReadOnlySpan<long> all, int i) => i + 1 < all.Length ? Start(all, i + 1) - 1 : contentEnd;

        var order = ArrayPool<ulong>.Shared.Rent(members.Length);
        var indexCount = 0;
        var indexBytes = 0;
        for (var i = 0; i < members.Length; i++)
        {
            var start = Start(members, i);
            if (TryGetArrayIndex(Key(start)[1..^1], out var index))
            {
                order[indexCount++] = ((ulong)index << 32) | (uint)i;
                indexBytes += End(members, i) - start;
            }
        }

        var indexMembers = order.AsSpan(0, indexCount);
        indexMembers.Sort();
        var scratch = ArrayPool<byte>.Shared.Rent(indexBytes);
        var written = 0;
        foreach (var entry in indexMembers)
        {
            var i = (int)(uint)entry;
            var member = buffer.AsSpan(Start(members, i), End(members, i) - Start(members, i));
            member.CopyTo(scratch.AsSpan(written));
            written += member.Length;
        }

        // Every other member moves right by the size of the index members that came after it; going from the last one
        // backwards, each lands on bytes already moved or set aside. Each is preceded by a comma: at least one index
        // member comes first.
        var end = contentEnd;
        for (var i = members.Length - 1; i >= 0; i--)
        {
            var start = Start(members, i);
            if (TryGetArrayIndex(Key(start)[1..^1], out _))
            {
                continue;
            }

            var length = End(members, i) - start;
            buffer.AsSpan(start, length).CopyTo(buffer.AsSpan(end - length));
            end -= length + 1;
            buffer[end] = (byte)',';
        }

        var position = contentStart;
        var read = 0;
        foreach (var entry in indexMembers)
        {
            var i = (int)(uint)entry;
            var length = End(members, i) - Start(members, i);
            if (position > contentStart)
            {
                buffer[position++] = (byte)',';
            }

            scratch.AsSpan(read, length).CopyTo(buffer.AsSpan(position));
            position += length;
            read += length;
        }

        scratch.AsSpan(0, indexBytes).Clear();
        ArrayPool<byte>.Shared.Return(scratch);
        ArrayPool<ulong>.Shared.Return(order);
    }

    /// <summary>The key (a JSON string, quotes included) written at <paramref name="start"/>.</summary>
    private readonly ReadOnlySpan<byte> Key(int start) => _buffer.AsSpan(start, KeyLength(_buffer, start));

    /// <summary>The length of the JSON string (quotes included) that starts at <paramref name="start"/>.</summary>
    private static int KeyLength(byte[] buffer, int start)
    {
        var i = start + 1;
        while (buffer[i] != (byte)'"')
        {
            i += buffer[i] == (byte)'\\' ? 2 : 1;
        }

        return i + 1 - start;
    }

    /// <summary>True for the canonical decimal spelling of an integer in [0, 2^32 - 2]: no sign, no leading zero.</summary>
    public static bool TryGetArrayIndex(ReadOnlySpan<byte> key, out long index)
    {
        // ECMAScript array indices run to 2^32 - 2; "4294967295" is an ordinary string key.
        const long MaxArrayIndex = 4_294_967_294;
        index = 0;
        if (key.Length is 0 or > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiDigit((char)c))
            {
                return false;
            }

            index = (index * 10) + (c - '0');
        }

        return index <= MaxArrayIndex;
    }

    private bool WriteNumber(ReadOnlySpan<byte> literal)
    {
        if (CanonicalJsonNumber.IsShortInteger(literal))
        {
            Write(literal.SequenceEqual("-0"u8) ? "0"u8 : literal);
            return true;
        }

        if (!CanonicalJsonNumber.TryParse(literal, out var number))
        {
            return false;
        }

        var span = GetSpan(Math.Max(literal.Length, CanonicalJsonNumber.MaxFormattedLength));
        _length += _javaScript ? number.WriteJavaScript(span) : number.WritePython(literal, span);
        return true;
    }

    private void WriteString(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (_javaScript)
        {
            WriteJavaScriptString(raw, escaped);
        }
        else
        {
            WritePythonString(raw, escaped);
        }
    }

    /// <summary>
    /// QuoteJSONString (ES2019 well-formed stringify) of the decoded text: the short escapes, other controls as
    /// <c>\u00xx</c>, lone surrogates as <c>\udxxx</c>, everything else (non-ASCII, '/', DEL, U+2028/2029) as itself in
    /// UTF-8. Unescaped text is already that (valid UTF-8 has no surrogates, and the reader refuses raw controls).
    /// </summary>
    private void WriteJavaScriptString(ReadOnlySpan<byte> raw, bool escaped)
    {
        // No escape gets longer in this form (a lone surrogate stays six bytes, a pair of escapes becomes four).
        var span = GetSpan(raw.Length + 2);
        span[0] = (byte)'"';
        var length = 1;
        if (!escaped)
        {
            raw.CopyTo(span[1..]);
            length += raw.Length;
        }
        else
        {
            var i = 0;
            while (i < raw.Length)
            {
                var backslash = raw[i..].IndexOf((byte)'\\');
                var run = backslash < 0 ? raw[i..] : raw.Slice(i, backslash);
                run.CopyTo(span[length..]);
                length += run.Length;
                i += run.Length;
                if (backslash < 0)
                {
                    break;
                }

                // The reader has validated every escape: a known letter, or 'u' and four hex digits.
                var escape = raw[i + 1];
                if (escape != (byte)'u')
                {
                    length += WriteShortEscape(escape, span[length..]);
                    i += 2;
                    continue;
                }

                var unit = (char)HexValue(raw.Slice(i + 2, 4));
                i += 6;
                if (char.IsHighSurrogate(unit) && i + 6 <= raw.Length && raw[i] == (byte)'\\' && raw[i + 1] == (byte)'u'
                    && char.IsLowSurrogate((char)HexValue(raw.Slice(i + 2, 4))))
                {
                    var scalar = new Rune(unit, (char)HexValue(raw.Slice(i + 2, 4)));
                    length += scalar.EncodeToUtf8(span[length..]);
                    i += 6;
                    continue;
                }

                length += WriteJavaScriptUnit(unit, span[length..]);
            }
        }

        span[length++] = (byte)'"';
        _length += length;
    }

    /// <summary>An escape other than <c>\u</c>: the quote, the backslash and the short controls stay; <c>\/</c> becomes '/'.</summary>
    private static int WriteShortEscape(byte escape, Span<byte> destination)
    {
        if (escape == (byte)'/')
        {
            destination[0] = (byte)'/';
            return 1;
        }

        destination[0] = (byte)'\\';
        destination[1] = escape;
        return 2;
    }

    private static int WriteJavaScriptUnit(char unit, Span<byte> destination)
    {
        if (char.IsSurrogate(unit))
        {
            return WriteUnicodeEscape(unit, destination);
        }

        if (unit < 0x20 || unit == '"' || unit == '\\')
        {
            var shortEscape = ShortEscapeFor(unit);
            return shortEscape != 0 ? WriteShortEscape(shortEscape, destination) : WriteUnicodeEscape(unit, destination);
        }

        return new Rune(unit).EncodeToUtf8(destination);
    }

    /// <summary>
    /// CPython's <c>ascii_escape_unichar</c> for every UTF-16 unit of the decoded text: printable ASCII 0x20-0x7E as
    /// itself, the short escapes, and every other unit (controls, DEL 0x7F, all non-ASCII, each half of an astral pair,
    /// lone surrogates) as <c>\uxxxx</c> in lowercase hex. Written piece by piece, so a flushing buffer stays bounded.
    /// </summary>
    private void WritePythonString(ReadOnlySpan<byte> raw, bool escaped)
    {
        Write((byte)'"');
        Span<char> units = stackalloc char[2];
        var i = 0;
        while (i < raw.Length)
        {
            var rest = raw[i..];
            var run = rest.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E);
            if (escaped)
            {
                var backslash = (run < 0 ? rest : rest[..run]).IndexOf((byte)'\\');
                run = backslash >= 0 ? backslash : run;
            }

            if (run != 0)
            {
                run = run < 0 ? rest.Length : run;
                Write(rest[..run]);
                i += run;
                continue;
            }

            var span = GetSpan(12);
            var b = rest[0];
            if (b == (byte)'\\')
            {
                var escape = rest[1];
                if (escape == (byte)'u')
                {
                    _length += WritePythonUnit((char)HexValue(rest.Slice(2, 4)), span);
                    i += 6;
                }
                else
                {
                    _length += WriteShortEscape(escape, span);
                    i += 2;
                }
            }
            else if (b < 0x80)
            {
                // DEL; the reader refuses raw controls.
                _length += WriteUnicodeEscape((char)b, span);
                i++;
            }
            else
            {
                // The body is valid UTF-8, so this decodes.
                Rune.DecodeFromUtf8(rest, out var scalar, out var consumed);
                var count = scalar.EncodeToUtf16(units);
                var length = WriteUnicodeEscape(units[0], span);
                if (count == 2)
                {
                    length += WriteUnicodeEscape(units[1], span[length..]);
                }

                _length += length;
                i += consumed;
            }
        }

        Write((byte)'"');
    }

    private static int WritePythonUnit(char unit, Span<byte> destination)
    {
        var shortEscape = ShortEscapeFor(unit);
        if (shortEscape != 0)
        {
            return WriteShortEscape(shortEscape, destination);
        }

        if (unit is >= ' ' and <= '~')
        {
            destination[0] = (byte)unit;
            return 1;
        }

        return WriteUnicodeEscape(unit, destination);
    }

    /// <summary>The letter of the two-character escape both runtimes use for <paramref name="unit"/>, or 0.</summary>
    private static byte ShortEscapeFor(char unit) => unit switch
    {
        '"' => (byte)'"',
        '\\' => (byte)'\\',
        '\b' => (byte)'b',
        '\f' => (byte)'f',
        '\n' => (byte)'n',
        '\r' => (byte)'r',
        '\t' => (byte)'t',
        _ => 0,
    };

    /// <summary>Writes <c>\uxxxx</c> with lowercase hex, as both JavaScript and Python do.</summary>
    private static int WriteUnicodeEscape(char unit, Span<byte> destination)
    {
        const string Hex = "0123456789abcdef";
        destination[0] = (byte)'\\';
        destination[1] = (byte)'u';
        destination[2] = (byte)Hex[(unit >> 12) & 0xF];
        destination[3] = (byte)Hex[(unit >> 8) & 0xF];
        destination[4] = (byte)Hex[(unit >> 4) & 0xF];
        destination[5] = (byte)Hex[unit & 0xF];
        return 6;
    }

    private static int HexValue(ReadOnlySpan<byte> fourHexDigits)
    {
        var value = 0;
        foreach (var c in fourHexDigits)
        {
            value = (value << 4) | (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }

        return value;
    }

    private void Write(byte value)
    {
        GetSpan(1)[0] = value;
        _length++;
    }

    private void Write(ReadOnlySpan<byte> value)
    {
        while (true)
        {
            var free = _buffer.Length - _length;
            if (value.Length <= free)
            {
                value.CopyTo(_buffer.AsSpan(_length));
                _length += value.Length;
                return;
            }

            if (_hashKeys is null)
            {
                Grow(value.Length);
                continue;
            }

            // Fill the buffer, hash it, and go on with the rest.
            value[..free].CopyTo(_buffer.AsSpan(_length));
            _length += free;
            value = value[free..];
            Flush();
        }
    }

    /// <summary>A span of at least <paramref name="size"/> free bytes at the end of the buffer; callers then add to <see cref="_length"/>.</summary>
    private Span<byte> GetSpan(int size)
    {
        if (_buffer.Length - _length < size)
        {
            if (_hashKeys is not null && _buffer.Length >= size)
            {
                Flush();
            }
            else
            {
                Grow(size);
            }
        }

        return _buffer.AsSpan(_length);
    }

    private void Flush()
    {
        if (_sinks is null)
        {
            var keys = _hashKeys!;
            _sinks = new IncrementalHash[keys.KeyCount];
            for (var i = 0; i < _sinks.Length; i++)
            {
                _sinks[i] = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keys.GetKey(i));
            }
        }

        foreach (var sink in _sinks)
        {
            sink.AppendData(Written);
        }

        _length = 0;
    }

    private void Grow(int needed)
    {
        var required = (long)_length + needed;
        var size = Math.Max(required, (long)_buffer.Length * 2);

        // Callers bound the body so that no canonical form can get here (see CanonicalSignatureVerifier.MaxBodyLength).
        size = Math.Min(size, Array.MaxLength);
        if (size < required)
        {
            throw new InvalidOperationException("A canonical JSON form exceeds the largest possible array.");
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)size);
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
        _buffer = larger;
    }

    private void DisposeSinks()
    {
        if (_sinks is not null)
        {
            foreach (var sink in _sinks)
            {
                sink.Dispose();
            }

            _sinks = null;
        }
    }
}
