/** Text with the search's matches in <mark>: segments from the server, rendered as text by React (no HTML). */
export function Highlight({ segments }: { segments: { text: string; mark: boolean }[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.mark ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-inherit">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
