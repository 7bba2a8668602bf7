import { mediaPaths, serveMedia } from '../../features/media-route/media-route';

export const getStaticPaths = () => mediaPaths('png');
export const GET = serveMedia;
