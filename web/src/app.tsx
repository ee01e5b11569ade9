import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './api/query-client.js';
import { LocaleRoot } from './i18n/locale-root.js';
import { router } from './router.js';
import { theme } from './theme.js';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <LocaleRoot>
          <Notifications position="bottom-right" />
          <RouterProvider router={router} />
        </LocaleRoot>
      </QueryClientProvider>
    </MantineProvider>
  );
}
