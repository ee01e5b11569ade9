import { Text, type TextProps } from '@mantine/core';
import type { SearchHit } from '../../api/use-search.js';
import classes from './search.module.css';

type Snippet = SearchHit['snippets'][number];

/** An excerpt with its matched words marked: the API's parts alternate plain (even) and matched (odd) text. */
export function SnippetText({ snippet, ...props }: { snippet: Snippet } & TextProps) {
  return (
    <Text size="sm" c="dimmed" className="break-anywhere" {...props}>
      {snippet.parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never move; their index is their identity
          <mark key={index} className={classes.match}>
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </Text>
  );
}
