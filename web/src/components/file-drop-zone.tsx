import { Button, FileButton, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import { type DragEvent, useRef, useState } from 'react';
import classes from './file-drop-zone.module.css';

type Props = {
  title: string;
  hint: string;
  buttonLabel: string;
  /** File name endings and types the picker offers; the server decides what it takes. */
  accept?: string;
  onFiles: (files: File[]) => void;
};

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * An area to drop files on (several at once), with a button that opens the file picker for
 * those who use a keyboard or prefer choosing.
 */
export function FileDropZone({ title, hint, buttonLabel, accept, onFiles }: Props) {
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child the pointer crosses; count them to know when it left.
  const depth = useRef(0);
  const resetPicker = useRef<() => void>(null);
  const handlers = {
    onDragEnter: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = [...event.dataTransfer.files];
      if (files.length > 0) onFiles(files);
    },
  };
  return (
    <Paper
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      className={classes.zone}
      data-dragging={dragging || undefined}
      data-testid="drop-zone"
      {...handlers}
    >
      <Group justify="space-between" gap="md">
        <Group gap="md" wrap="nowrap" style={{ flex: '1 1 260px' }}>
          <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
            <IconCloudUpload size={24} />
          </ThemeIcon>
          <Stack gap={2}>
            <Text fw={600}>{title}</Text>
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          </Stack>
        </Group>
        <FileButton
          multiple
          accept={accept}
          resetRef={resetPicker}
          onChange={(files) => {
            if (files.length > 0) onFiles(files);
            // The same file can be chosen again (e.g. after cancelling its upload).
            resetPicker.current?.();
          }}
        >
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconCloudUpload size={16} />}>
              {buttonLabel}
            </Button>
          )}
        </FileButton>
      </Group>
    </Paper>
  );
}
